//! The bench handlers (kernel/bench.h) written in Zig, for the Zig kernel
//! (isr/languages.py): the same shapes as bench_counter.inc and
//! bench_naked.S, each adding one to bench_counter, directly or through
//! bench_bump().
//!
//! abi is Zig's avr_signal (avr-gcc's `signal`: interrupts stay off) and
//! avr_interrupt for the non-blocking kind (`sei` first). The table jumps to
//! an abi handler by its vector's name, __vector_N (isr/arch_avr
//! entry_symbol), so the handler a vector binds is exported under that name
//! too; the bench vector is TIMER1_COMPC, the one the bench can raise.
const std = @import("std");
const isr = @import("isr");
const kernel = @import("kernel");


fn benchAbi() callconv(.avr_signal) void {
    kernel.bench_counter.* += 1;
}

fn benchAbiCall() callconv(.avr_signal) void {
    kernel.bench_bump();
}

fn benchAbiNonblocking() callconv(.avr_interrupt) void {
    kernel.bench_counter.* += 1;
}

/// stub: the generated entry saved the trap frame and calls this with it.
export fn zig_bench_stub(frame: *anyopaque) callconv(.c) void {
    _ = frame;
    kernel.bench_counter.* += 1;
}

export fn zig_bench_stub_call(frame: *anyopaque) callconv(.c) void {
    _ = frame;
    kernel.bench_bump();
}

const bench_vector = std.fmt.comptimePrint("__vector_{d}", .{isr.VEC_TIMER1_COMPC});

comptime {
    @export(&benchAbi, .{ .name = "zig_bench_abi" });
    @export(&benchAbi, .{ .name = bench_vector });
    @export(&benchAbiCall, .{ .name = "zig_bench_abi_call" });
    @export(&benchAbiNonblocking, .{ .name = "zig_bench_abi_nonblocking" });
}
