//! The machine timer interrupt written in Rust, for the Rust kernel: what
//! irq.c's on_machine_timer does but its report lines (`irqtrace` shows
//! none for it): count the tick and move mtimecmp ahead, which clears MTIP.
#![feature(no_core, abi_riscv_interrupt)]
#![no_core]
extern crate core;

core::include!("../rust/kernel.rs");
use kernel::{count_tick, stats_count};

unsafe extern "C" {
    fn clint_timer_rearm();
}

#[unsafe(no_mangle)]
pub extern "riscv-interrupt-m" fn rust_on_machine_timer() {
    count_tick();
    unsafe {
        clint_timer_rearm();
        stats_count(isr::VEC_MTI);
    }
}
