//! Reproducer (tests/elf/test_x86_error_code_alignment.py): an x86_64
//! interrupt handler of the error-code shape that calls a function. The CPU
//! enters it with RSP a multiple of 16 (SDM 6.14.2: aligned, then six words
//! pushed), so the call needs an even number of words pushed before it.
#![feature(no_core, abi_x86_interrupt)]
#![no_core]
extern crate core;

#[repr(C)]
pub struct Frame {
    rip: u64,
    cs: u64,
    rflags: u64,
    rsp: u64,
    ss: u64,
}

unsafe extern "C" {
    fn callee();
}

#[unsafe(no_mangle)]
pub extern "x86-interrupt" fn error_code_handler(_frame: Frame, _code: u64) {
    unsafe { callee() }
}
