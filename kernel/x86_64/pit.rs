//! The PIT's tick (IRQ 0 of the 8259 pair) written in Rust, for the Rust
//! kernel: what irq.c's on_pit_tick does, but the nesting report: count the
//! tick, report it when `irqtrace on` asks, end the interrupt at the 8259.
#![feature(no_core, abi_x86_interrupt)]
#![no_core]
extern crate core;

core::include!("../rust/kernel.rs");
use kernel::{count_tick, stats_count};

unsafe extern "C" {
    fn report_irq_wanted(vector: u32) -> bool;
    fn x86_report(vector: u32, has_error: bool, code: u64, frame: *const u8, outcome: u32, note: *const u8);
    fn pic_eoi(irq: u32);
}

/// kernel/x86_64/pit.c programs the PIT, which the PC wires to IRQ 0.
const PIT_VECTOR: u32 = isr::VEC_IRQ0;
const RESUME: u32 = 0; // kernel/report.h enum outcome

#[unsafe(no_mangle)]
pub extern "x86-interrupt" fn rust_on_pit_tick(frame: Frame) {
    count_tick();
    unsafe {
        stats_count(PIT_VECTOR);
        if report_irq_wanted(PIT_VECTOR) {
            x86_report(PIT_VECTOR, false, 0, &raw const frame as *const u8, RESUME, core::ptr::null());
        }
        pic_eoi(PIT_VECTOR - isr::IRQ_BASE);
    }
}
