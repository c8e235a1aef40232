//! TIMER1 compare A, the 100 Hz tick, written in Rust, for the Rust kernel:
//! what timer1.c's on_tick does but its report line (`irqtrace` shows none
//! for it): count the tick. extern "avr-interrupt" (avr-gcc's `signal`); its
//! vector's name, __vector_N, which the table jumps to, is gen/keep.ld's
//! alias of it.
#![feature(no_core, abi_avr_interrupt)]
#![no_core]
extern crate core;

core::include!("../rust/kernel.rs");
use kernel::{count_tick, stats_count};

#[unsafe(no_mangle)]
pub extern "avr-interrupt" fn rust_on_tick() {
    count_tick();
    unsafe { stats_count(isr::VEC_TIMER1_COMPA as core::ffi::c_uint) }
}
