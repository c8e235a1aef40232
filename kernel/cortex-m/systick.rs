//! SysTick, the 100 Hz tick, written in Rust, for the Rust kernel: what
//! irq.c's on_systick does but its report line (`irqtrace` shows none for
//! it): count the tick. A plain extern "C" function, as every Cortex-M
//! handler may be.
#![feature(no_core)]
#![no_core]
extern crate core;

core::include!("../rust/kernel.rs");
use kernel::{count_tick, stats_count};

#[unsafe(no_mangle)]
pub extern "C" fn rust_on_systick() {
    count_tick();
    unsafe { stats_count(isr::VEC_SYSTICK) }
}
