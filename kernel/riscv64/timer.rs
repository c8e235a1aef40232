//! The machine timer interrupt written in Rust, for the Rust kernel: what
//! irq.c's on_machine_timer does but its report lines (`irqtrace` shows
//! none for it): count the tick and move mtimecmp ahead, which clears MTIP.
#![feature(no_core, abi_riscv_interrupt)]
#![no_core]
extern crate core;

#[allow(dead_code)]
mod isr {
    core::include!(core::env!("ISR_CONSTANTS"));
}

unsafe extern "C" {
    static mut ticks: u64;
    fn stats_count(vector: u32);
    fn clint_timer_rearm();
}

#[unsafe(no_mangle)]
pub extern "riscv-interrupt-m" fn rust_on_machine_timer() {
    unsafe {
        // volatile in kernel/ticks.h: `sleep` polls it
        let now = &raw mut ticks;
        core::ptr::write_volatile(now, core::ptr::read_volatile(now) + 1);
        clint_timer_rearm();
        stats_count(isr::VEC_MTI);
    }
}
