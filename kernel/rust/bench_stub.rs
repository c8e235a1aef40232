//! The stub bench handlers (kernel/bench.h) written in Rust, for every arch
//! whose stub handler is nothing but extern "C" (isr/arch_<arch>/
//! toolchains.py TOOLCHAINS["rustc"] "sources" lists this file): the
//! generated entry saved the trap frame (arm32's GIC table: the acknowledged
//! interrupt) and calls the handler with a pointer to it, which these never
//! read. Each adds one to bench_counter, directly or through bench_bump(),
//! as bench_counter.inc's do.
#![feature(no_core)]
#![no_core]
extern crate core;

core::include!("kernel.rs");
use kernel::{bench_bump, bench_counter};

#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_stub(_frame: *mut u8) {
    unsafe { bench_counter += 1 }
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_stub_call(_frame: *mut u8) {
    unsafe { bench_bump() }
}
