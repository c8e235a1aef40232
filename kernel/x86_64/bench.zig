//! The bench handlers (kernel/bench.h) written in Zig, for the Zig kernel
//! (isr/languages.py): the same shapes as bench.c and bench_naked.S, each
//! adding one to bench_counter, directly or through bench_bump(); the stub
//! ones are kernel/zig/bench_stub.zig's.
//!
//! abi is Zig's x86_64_interrupt convention: it saves what the body uses
//! and returns with IRETQ. The frame is *anyopaque: these handlers never
//! read it, and Zig 0.17.1 drops a write through a *Frame (tools/findings.py
//! ZIG_FRAME_WRITE_DROPPED).

const Interrupt = std.builtin.CallingConvention{ .x86_64_interrupt = .{} };
const std = @import("std");
const kernel = @import("kernel");

export fn zig_bench_abi(frame: *anyopaque) callconv(Interrupt) void {
    _ = frame;
    kernel.bench_counter.* += 1;
}

export fn zig_bench_abi_call(frame: *anyopaque) callconv(Interrupt) void {
    _ = frame;
    kernel.bench_bump();
}

/// naked: the table points here; the CPU saved RIP, CS, RFLAGS, RSP and SS.
export fn zig_bench_naked() callconv(.naked) void {
    asm volatile (
        \\incq bench_counter(%%rip)
        \\iretq
    );
}
