//! SysTick, the 100 Hz tick, written in Rust, for the Rust kernel: what
//! irq.c's on_systick does but its report line (`irqtrace` shows none for
//! it): count the tick. A plain extern "C" function, as every Cortex-M
//! handler may be.
#![feature(no_core)]
#![no_core]
extern crate core;

#[allow(dead_code)]
mod isr {
    core::include!(core::env!("ISR_CONSTANTS"));
}

unsafe extern "C" {
    static mut ticks: u64;
    fn stats_count(vector: u32);
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_on_systick() {
    unsafe {
        // volatile in kernel/ticks.h: `sleep` polls it
        let now = &raw mut ticks;
        core::ptr::write_volatile(now, core::ptr::read_volatile(now) + 1);
        stats_count(isr::VEC_SYSTICK);
    }
}
