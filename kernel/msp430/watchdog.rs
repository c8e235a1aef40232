//! The watchdog's interval-timer interrupt written in Rust, for the Rust
//! kernel: what watchdog.c's on_watchdog does but its report line
//! (`irqtrace` shows none for it): count it, and give the Timer_A tick back
//! when `trap` asked for that after a number of watchdog intervals.
#![feature(no_core, abi_msp430_interrupt)]
#![no_core]
extern crate core;

core::include!("../rust/kernel.rs");
use kernel::stats_count;

unsafe extern "C" {
    static mut watchdog_count: u16;
    static mut watchdog_then_tick: u16;
    fn timer_a_irq_enable(on: i16);
}

#[unsafe(no_mangle)]
pub extern "msp430-interrupt" fn rust_on_watchdog() {
    unsafe {
        // both volatile in watchdog.h
        let count = &raw mut watchdog_count;
        core::ptr::write_volatile(count, core::ptr::read_volatile(count).wrapping_add(1));
        stats_count(isr::VEC_WDT as core::ffi::c_uint);
        let then_tick = &raw mut watchdog_then_tick;
        if core::ptr::read_volatile(then_tick) != 0 {
            core::ptr::write_volatile(then_tick, core::ptr::read_volatile(then_tick) - 1);
            if core::ptr::read_volatile(then_tick) == 0 {
                timer_a_irq_enable(1);
            }
        }
    }
}
