//! The naked bench handler (kernel/bench.h) written in Rust, for the Rust
//! kernel (isr/languages.py): as bench_naked.S's, it adds one to
//! bench_counter. Rust has no ARM interrupt ABI, so Rust writes no abi
//! handler here (isr/validate.py refuses one); every bench vector is an SGI
//! behind the GIC entries, which call its handler from the generated GIC
//! table: naked under AAPCS (r0-r3 free), or a stub one
//! (kernel/rust/bench_stub.rs). A crate of its own, #![no_core] with core's
//! items (tools/handler_langs.py says why).
#![feature(no_core)]
#![no_core]
extern crate core;

#[unsafe(naked)]
#[unsafe(no_mangle)]
pub extern "C" fn rust_bench_naked() {
    core::arch::naked_asm!("movw r0, #:lower16:bench_counter", "movt r0, #:upper16:bench_counter",
                           "ldr r1, [r0]", "add r1, r1, #1", "str r1, [r0]", "bx lr")
}
