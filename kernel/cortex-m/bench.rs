//! The bench handlers (kernel/bench.h) written in Rust, for the Rust kernel
//! (isr/languages.py): the same shapes as bench_counter.inc and
//! bench_naked.S, each adding one to bench_counter, directly or through
//! bench_bump().
//!
//! abi on the Cortex-M is a plain extern "C" function (AAPCS): the hardware
//! stacks r0-r3, r12, lr, pc and xPSR, and returns on `bx lr` with
//! EXC_RETURN. A crate of its own, #![no_core] with core's items
//! (tools/handler_langs.py says why).
#![feature(no_core)]
#![no_core]
extern crate core;

unsafe extern "C" {
    static mut bench_counter: u32;
    fn bench_bump();
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_abi() {
    unsafe { bench_counter += 1 }
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_abi_call() {
    unsafe { bench_bump() }
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

/// naked: r0-r3 were stacked by the hardware, so they are free.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_naked() {
    core::arch::naked_asm!("ldr r0, =bench_counter", "ldr r1, [r0]", "adds r1, #1", "str r1, [r0]", "bx lr",
                           ".ltorg")
}
