//! Reproducer (tests/elf/test_zig_findings.py): Zig's x86_64_interrupt with
//! its frame as a pointer to an extern struct, with and without the error
//! code, reading the frame. Reported to segfault the Zig compiler; Zig
//! 0.17.1 compiles it here at ReleaseSmall (Debug refuses the convention:
//! its own x86_64 backend has none).
const Frame = extern struct {
    rip: u64,
    cs: u64,
    rflags: u64,
    rsp: u64,
    ss: u64,
};

export var last_rip: u64 = 0;

export fn frame_handler(frame: *Frame) callconv(.{ .x86_64_interrupt = .{} }) void {
    last_rip = frame.rip;
}

export fn frame_error_handler(frame: *Frame, code: u64) callconv(.{ .x86_64_interrupt = .{} }) void {
    last_rip = frame.rip + code;
}
