//! The EL1 physical timer's tick (PPI 30) written in Rust, for the Rust
//! kernel: what irq.c's on_timer_tick does but its report line (`irqtrace`
//! shows none for it): count the tick and move the compare value on, which
//! lowers the timer's level before gic_dispatch's EOI.
#![feature(no_core)]
#![no_core]
extern crate core;

core::include!("../rust/kernel.rs");
use kernel::{count_tick, stats_count};

unsafe extern "C" {
    fn timer_rearm();
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_on_timer_tick(_frame: *mut u8) {
    count_tick();
    unsafe {
        timer_rearm();
        stats_count(isr::VEC_PPI30);
    }
}
