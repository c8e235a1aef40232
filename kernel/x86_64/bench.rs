//! The bench handlers (kernel/bench.h) written in Rust, for the Rust kernel
//! (isr/languages.py): the same shapes as bench.c and bench_naked.S, each
//! adding one to bench_counter, directly or through bench_bump(); the stub
//! ones are kernel/rust/bench_stub.rs's.
//!
//! abi is extern "x86-interrupt": it saves what the body uses and returns
//! with IRETQ. A crate of its own, #![no_core] with core's items
//! (tools/handler_langs.py says why).
#![feature(no_core, abi_x86_interrupt)]
#![no_core]
extern crate core;

core::include!("../rust/kernel.rs");
use kernel::{bench_bump, bench_counter};

#[unsafe(no_mangle)]
pub extern "x86-interrupt" fn rust_bench_abi(_frame: Frame) {
    unsafe { bench_counter += 1 }
}

#[unsafe(no_mangle)]
pub extern "x86-interrupt" fn rust_bench_abi_call(_frame: Frame) {
    unsafe { bench_bump() }
}

/// naked: the table points here; the CPU saved RIP, CS, RFLAGS, RSP and SS.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_naked() {
    core::arch::naked_asm!("incq bench_counter(%rip)", "iretq", options(att_syntax))
}
