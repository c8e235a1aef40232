//! Reproducer (tests/elf/test_zig_findings.py): a Zig x86_64_interrupt
//! handler that moves the saved RIP on, as a fault handler that skips the
//! faulting instruction must. Zig 0.17.1 passes the frame by value (a copy)
//! and drops the write: the handler compiles to push rbp, pop rbp, iretq.
const Frame = extern struct {
    rip: u64,
    cs: u64,
    rflags: u64,
    rsp: u64,
    ss: u64,
};

export fn skip_two_bytes(frame: *Frame) callconv(.{ .x86_64_interrupt = .{} }) void {
    frame.rip += 2;
}
