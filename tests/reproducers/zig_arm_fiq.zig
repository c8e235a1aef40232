//! Reproducer (tests/elf/test_zig_findings.py): an ARM FIQ handler in Zig's
//! own convention. At ReleaseSmall without a frame pointer, LLVM puts its
//! return, `subs pc, lr, #4`, before the body's store.
var counter: u32 = 0;

export fn fiq_handler() callconv(.{ .arm_interrupt = .{ .type = .fiq } }) void {
    const c: *volatile u32 = &counter;
    c.* += 1;
}
