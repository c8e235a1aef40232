//! Reproducer (tests/elf/test_x86_error_code_alignment.py): an x86_64
//! interrupt handler of the error-code shape that calls a function. The CPU
//! enters it with RSP a multiple of 16 (SDM 6.14.2: aligned, then six words
//! pushed), so the call needs an even number of words pushed before it.
extern fn callee() void;

export fn error_code_handler(frame: *anyopaque, code: u64) callconv(.{ .x86_64_interrupt = .{} }) void {
    _ = frame;
    _ = code;
    callee();
}
