//! The bench handlers (kernel/bench.h) written in Rust, for the Rust kernel
//! (isr/languages.py): as bench.c's, each adds one to bench_counter,
//! directly or through bench_bump(), and clears the mip bits software sets.
//!
//! abi is extern "riscv-interrupt-m": it saves what the body uses and
//! returns with mret. A crate of its own, #![no_core] with core's items
//! (tools/handler_langs.py says why).
#![feature(no_core, abi_riscv_interrupt)]
#![no_core]
extern crate core;

core::include!("../rust/kernel.rs");
use kernel::{bench_bump, bench_counter};

/// The mip bits that M-mode software may set (privileged spec 3.1.9): SSIP,
/// STIP, SEIP; a cause's bit is its number, its vector less IRQ_BASE.
const MIP_SOFTWARE_SETTABLE: usize = (1 << (isr::VEC_SSI - isr::IRQ_BASE))
    | (1 << (isr::VEC_STI - isr::IRQ_BASE))
    | (1 << (isr::VEC_SEI - isr::IRQ_BASE));

#[inline(always)]
fn clear_software_pending() {
    unsafe { core::arch::asm!("csrc mip, {bits}", bits = in(reg) MIP_SOFTWARE_SETTABLE) }
}

#[unsafe(no_mangle)]
pub extern "riscv-interrupt-m" fn rust_bench_abi() {
    unsafe { bench_counter += 1 }
    clear_software_pending();
}

#[unsafe(no_mangle)]
pub extern "riscv-interrupt-m" fn rust_bench_abi_call() {
    unsafe { bench_bump() }
    clear_software_pending();
}

/// stub: the generated entry saved the trap frame and calls this with it.
#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_stub(_frame: *mut u8) {
    unsafe { bench_counter += 1 }
    clear_software_pending();
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_stub_call(_frame: *mut u8) {
    unsafe { bench_bump() }
    clear_software_pending();
}

/// naked: the hand-written minimum (bench_naked.S): two scratch registers on
/// the interrupted stack, the increment, the acknowledge, mret.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_naked() {
    core::arch::naked_asm!(
        "addi sp, sp, -16", "sd t0, 0(sp)", "sd t1, 8(sp)",
        "1: auipc t0, %pcrel_hi(bench_counter)", "ld t1, %pcrel_lo(1b)(t0)", "addi t1, t1, 1",
        "sd t1, %pcrel_lo(1b)(t0)", "li t1, {bits}", "csrc mip, t1",
        "ld t0, 0(sp)", "ld t1, 8(sp)", "addi sp, sp, 16", "mret",
        bits = const MIP_SOFTWARE_SETTABLE)
}
