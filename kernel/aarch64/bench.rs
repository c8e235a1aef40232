//! The naked bench handler (kernel/bench.h) written in Rust, for the Rust
//! kernel (isr/languages.py): as bench_naked.S's, it adds one to
//! bench_counter. A bench vector is an SGI that gic_dispatch hands to its
//! handler, a naked one under AAPCS64, so x0-x17 are free; the stub ones are
//! kernel/rust/bench_stub.rs's. A crate of its own, #![no_core] with core's
//! items (tools/handler_langs.py says why).
#![feature(no_core)]
#![no_core]
extern crate core;

#[unsafe(naked)]
#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_naked() {
    core::arch::naked_asm!("adrp x0, bench_counter", "ldr x1, [x0, :lo12:bench_counter]", "add x1, x1, #1",
                           "str x1, [x0, :lo12:bench_counter]", "ret")
}
