//! TIMER1 compare A, the 100 Hz tick, written in Rust, for the Rust kernel:
//! what timer1.c's on_tick does but its report line (`irqtrace` shows none
//! for it): count the tick. extern "avr-interrupt" (avr-gcc's `signal`); its
//! vector's name, __vector_N, which the table jumps to, is gen/keep.ld's
//! alias of it.
#![feature(no_core, abi_avr_interrupt, asm_experimental_arch)]
#![no_core]
extern crate core;

#[allow(dead_code)]
mod isr {
    core::include!(core::env!("ISR_CONSTANTS"));
}

unsafe extern "C" {
    static mut ticks: u64;
    fn stats_count(vector: u16);
}

#[unsafe(no_mangle)]
pub extern "avr-interrupt" fn rust_on_tick() {
    unsafe {
        // volatile in kernel/ticks.h: `sleep` polls it
        let now = &raw mut ticks;
        core::ptr::write_volatile(now, core::ptr::read_volatile(now) + 1);
        stats_count(isr::VEC_TIMER1_COMPA as u16);
    }
}
