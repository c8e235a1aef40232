//! The bench handlers (kernel/bench.h) written in Rust, for the Rust kernel
//! (isr/languages.py): the same shapes as bench_counter.inc, each adding one
//! to bench_counter, directly or through bench_bump(); the stub ones are
//! kernel/rust/bench_stub.rs's.
//!
//! abi is Rust's unstable extern "avr-interrupt" (LLVM's avr-signal, avr-gcc's
//! `signal`: interrupts stay off) and "avr-non-blocking-interrupt" (`sei`
//! first). The table jumps to an abi handler by its vector's name, __vector_N
//! (isr/arch_avr entry_symbol), which gen/keep.ld makes an alias of the
//! handler the spec binds (isr/emit_keep.py). A crate of its own,
//! #![no_core] with core's items (tools/handler_langs.py says why).
#![feature(no_core, abi_avr_interrupt, asm_experimental_arch)]
#![no_core]
extern crate core;

core::include!("../rust/kernel.rs");
use kernel::{bench_bump, bench_counter};

#[unsafe(no_mangle)]
pub extern "avr-interrupt" fn rust_bench_abi() {
    unsafe { bench_counter += 1 }
}

#[unsafe(no_mangle)]
pub extern "avr-interrupt" fn rust_bench_abi_call() {
    unsafe { bench_bump() }
}

#[unsafe(no_mangle)]
pub extern "avr-non-blocking-interrupt" fn rust_bench_abi_nonblocking() {
    unsafe { bench_counter += 1 }
}

/// SREG's I/O address (ATmega2560 datasheet, register summary; avr/io.h SREG).
const SREG: u8 = 0x3f;

/// naked: the hand-written minimum (bench_naked.S): the CPU saves only the
/// return PC, so r24 and SREG are saved here; one register walks the four
/// bytes of the counter with the carry.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_naked() {
    core::arch::naked_asm!(
        "push r24",
        "in r24, {sreg}",
        "push r24",
        "lds r24, bench_counter",
        "subi r24, 0xff",
        "sts bench_counter, r24",
        "lds r24, bench_counter + 1",
        "sbci r24, 0xff",
        "sts bench_counter + 1, r24",
        "lds r24, bench_counter + 2",
        "sbci r24, 0xff",
        "sts bench_counter + 2, r24",
        "lds r24, bench_counter + 3",
        "sbci r24, 0xff",
        "sts bench_counter + 3, r24",
        "pop r24",
        "out {sreg}, r24",
        "pop r24",
        "reti",
        sreg = const SREG)
}
