//! The EL1 physical timer's tick (PPI 30) written in Rust, for the Rust
//! kernel: what irq.c's on_timer_tick does but its report line (`irqtrace`
//! shows none for it): count the tick and move the compare value on, which
//! lowers the timer's level before gic_dispatch's EOI.
#![feature(no_core)]
#![no_core]
extern crate core;

#[allow(dead_code)]
mod isr {
    core::include!(core::env!("ISR_CONSTANTS"));
}

unsafe extern "C" {
    static mut ticks: u64;
    fn timer_rearm();
    fn stats_count(vector: u32);
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_on_timer_tick(_frame: *mut u8) {
    unsafe {
        // volatile in kernel/ticks.h: `sleep` polls it
        let now = &raw mut ticks;
        core::ptr::write_volatile(now, core::ptr::read_volatile(now) + 1);
        timer_rearm();
        stats_count(isr::VEC_PPI30);
    }
}
