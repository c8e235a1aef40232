//! The naked bench handler (kernel/bench.h) written in Rust, for the Rust
//! kernel (isr/languages.py): as bench_naked.S's, it adds one to
//! bench_counter. The abi and stub ones are extern "C" functions, the same
//! on every arch: kernel/rust/bench_abi_c.rs and bench_stub.rs. A crate of
//! its own, #![no_core] with core's items (tools/handler_langs.py says why).
#![feature(no_core)]
#![no_core]
extern crate core;

/// naked: r0-r3 were stacked by the hardware, so they are free.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_naked() {
    core::arch::naked_asm!("ldr r0, =bench_counter", "ldr r1, [r0]", "adds r1, #1", "str r1, [r0]", "bx lr",
                           ".ltorg")
}
