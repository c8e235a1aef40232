//! The PL1 physical timer's tick written in Rust, for the Rust kernel: what
//! irq.c's on_timer_tick does but its report line (`irqtrace` shows none for
//! it): count the tick and move the compare value on, which lowers the
//! timer's level before gic_irq's EOI. Called from the GIC table with the
//! acknowledged interrupt (gen/isr.h struct gic_irq, whose intid comes first).
#![feature(no_core)]
#![no_core]
extern crate core;

core::include!("../rust/kernel.rs");
use kernel::{count_tick, stats_count};

#[repr(C)]
pub struct GicIrq {
    intid: u32,
}

unsafe extern "C" {
    fn timer_rearm();
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_on_timer_tick(irq: *const GicIrq) {
    count_tick();
    unsafe {
        timer_rearm();
        stats_count(isr::IRQ_BASE + (*irq).intid);
    }
}
