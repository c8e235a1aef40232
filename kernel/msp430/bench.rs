//! The bench handlers (kernel/bench.h) written in Rust, for the Rust kernel
//! (isr/languages.py): the same shapes as bench_counter.inc and
//! bench_naked.S, each adding one to bench_counter, directly or through
//! bench_bump(); the stub ones are kernel/rust/bench_stub.rs's.
//!
//! abi is extern "msp430-interrupt": it saves what the body uses and
//! returns with RETI. A crate of its own, #![no_core] with core's items
//! (tools/handler_langs.py says why); inline assembly on the MSP430 is
//! still an experimental arch of Rust's.
#![feature(no_core, abi_msp430_interrupt, asm_experimental_arch)]
#![no_core]
extern crate core;

core::include!("../rust/kernel.rs");
use kernel::{bench_bump, bench_counter};

#[unsafe(no_mangle)]
pub extern "msp430-interrupt" fn rust_bench_abi() {
    unsafe { bench_counter += 1 }
}

#[unsafe(no_mangle)]
pub extern "msp430-interrupt" fn rust_bench_abi_call() {
    unsafe { bench_bump() }
}

/// naked: the CPU saved SR and PC; adding to memory needs no register, the
/// carry goes to the counter's high word.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_naked() {
    core::arch::naked_asm!("add #1, &bench_counter", "adc &bench_counter+2", "reti")
}
