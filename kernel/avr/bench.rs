//! The bench handlers (kernel/bench.h) written in Rust, for the Rust kernel
//! (isr/languages.py): the same shapes as bench_counter.inc, each adding one
//! to bench_counter, directly or through bench_bump().
//!
//! abi is Rust's unstable extern "avr-interrupt" (LLVM's avr-signal, avr-gcc's
//! `signal`: interrupts stay off) and "avr-non-blocking-interrupt" (`sei`
//! first). The table jumps to an abi handler by its vector's name, __vector_N
//! (isr/arch_avr entry_symbol): the bench vector is TIMER1_COMPC, and the
//! handler it binds is exported under both names. A crate of its own,
//! #![no_core] with core's items (tools/handler_langs.py says why).
#![feature(no_core, abi_avr_interrupt, asm_experimental_arch)]
#![no_core]
extern crate core;

#[allow(dead_code)]
mod isr {
    core::include!(core::env!("ISR_CONSTANTS"));
}

unsafe extern "C" {
    static mut bench_counter: u32;
    fn bench_bump();
}

#[unsafe(no_mangle)]
pub extern "avr-interrupt" fn rust_bench_abi() {
    unsafe { bench_counter += 1 }
}

// The same function under the name the table jumps to, from the arch's
// vector number for TIMER1_COMPC.
core::arch::global_asm!(".global __vector_{v}", ".set __vector_{v}, rust_bench_abi",
                        v = const isr::VEC_TIMER1_COMPC);

#[unsafe(no_mangle)]
pub extern "avr-interrupt" fn rust_bench_abi_call() {
    unsafe { bench_bump() }
}

#[unsafe(no_mangle)]
pub extern "avr-non-blocking-interrupt" fn rust_bench_abi_nonblocking() {
    unsafe { bench_counter += 1 }
}

/// stub: the generated entry saved the trap frame and calls this with it.
#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_stub(_frame: *mut u8) {
    unsafe { bench_counter += 1 }
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_stub_call(_frame: *mut u8) {
    unsafe { bench_bump() }
}
