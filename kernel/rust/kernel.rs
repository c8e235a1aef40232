// The C kernel's symbols that the Rust handlers use, the arch's vector
// numbers and x86-64's interrupt frame: Rust's kernel/zig/kernel.zig. A
// handler crate is one file (#![no_core]; tools/handler_langs.py), so each
// includes this one at its root: core::include!("../rust/kernel.rs") from
// kernel/<arch>/, core::include!("kernel.rs") from kernel/rust/. Types are
// C's (core::ffi): an int is 16 bits on avr and msp430, a long 64 bits on
// the 64-bit arches.

/// The arch's vector numbers, as gen/isr.h has them for C (ISR_VEC_<name>,
/// ISR_IRQ_BASE): tools/handler_langs.py writes them, env ISR_CONSTANTS.
#[allow(dead_code)]
mod isr {
    core::include!(core::env!("ISR_CONSTANTS"));
}

/// What an x86-64 CPU pushes for an interrupt with no error code, the frame
/// an extern "x86-interrupt" handler takes (kernel/x86_64/bench.rs, pit.rs).
/// Passed by value: the ABI hands it over as a byval argument, so a pointer
/// parameter would be read from the frame's first word (the saved RIP), not
/// point at it.
#[cfg(target_arch = "x86_64")]
#[allow(dead_code)]
#[repr(C)]
pub struct Frame {
    rip: u64,
    cs: u64,
    rflags: u64,
    rsp: u64,
    ss: u64,
}

#[allow(dead_code)]
mod kernel {
    unsafe extern "C" {
        /// kernel/bench.h: what every bench handler increments, and the callee of the "call" shape.
        pub static mut bench_counter: core::ffi::c_ulong;
        pub fn bench_bump();
        /// kernel/ticks.h: volatile there, since `sleep` polls it (count_tick).
        pub static mut ticks: u64;
        /// kernel/stats.h: one interrupt taken on vector.
        pub fn stats_count(vector: core::ffi::c_uint);
    }

    /// One more tick, written as the C kernel's volatile `ticks` is.
    #[inline(always)]
    pub fn count_tick() {
        unsafe {
            let now = &raw mut ticks;
            core::ptr::write_volatile(now, core::ptr::read_volatile(now) + 1);
        }
    }
}
