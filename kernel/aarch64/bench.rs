//! The bench handlers (kernel/bench.h) written in Rust, for the Rust kernel
//! (isr/languages.py): as bench.c's and bench_naked.S's, each adds one to
//! bench_counter, directly or through bench_bump(). A bench vector is an SGI
//! that gic_dispatch hands to its handler: a stub one (extern "C") with the
//! trap frame, a naked one under AAPCS64, so x0-x17 are free. A crate of its
//! own, #![no_core] with core's items (tools/handler_langs.py says why).
#![feature(no_core)]
#![no_core]
extern crate core;

unsafe extern "C" {
    static mut bench_counter: u64;
    fn bench_bump();
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_stub(_frame: *mut u8) {
    unsafe { bench_counter += 1 }
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_stub_call(_frame: *mut u8) {
    unsafe { bench_bump() }
}

#[unsafe(naked)]
#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_naked() {
    core::arch::naked_asm!("adrp x0, bench_counter", "ldr x1, [x0, :lo12:bench_counter]", "add x1, x1, #1",
                           "str x1, [x0, :lo12:bench_counter]", "ret")
}
