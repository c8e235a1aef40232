//! The abi bench handlers written in Rust for an arch whose interrupt ABI is
//! the C convention (Cortex-M: the hardware stacks r0-r3, r12, lr, pc and
//! xPSR, and `bx lr` with EXC_RETURN in lr returns from the exception).
//! Listed by such an arch's TOOLCHAINS["rustc"] "sources"; an arch with an
//! interrupt ABI of its own writes its abi handlers in kernel/<arch>/bench.rs.
#![feature(no_core)]
#![no_core]
extern crate core;

core::include!("kernel.rs");
use kernel::{bench_bump, bench_counter};

#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_abi() {
    unsafe { bench_counter += 1 }
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_abi_call() {
    unsafe { bench_bump() }
}
