//! The bench handlers (kernel/bench.h) written in Zig, for the Zig kernel
//! (isr/languages.py): the same shapes as bench_counter.inc and
//! bench_naked.S, each adding one to bench_counter, directly or through
//! bench_bump(); the stub ones are kernel/zig/bench_stub.zig's.
//!
//! abi is Zig's msp430_interrupt: it saves what the body uses and returns
//! with RETI (the table, not the function, names the vector).
const std = @import("std");
const kernel = @import("kernel");


const Interrupt = std.builtin.CallingConvention{ .msp430_interrupt = .{} };

export fn zig_bench_abi() callconv(Interrupt) void {
    kernel.bench_counter.* += 1;
}

export fn zig_bench_abi_call() callconv(Interrupt) void {
    kernel.bench_bump();
}

/// naked: the CPU saved SR and PC; adding to memory needs no register, the
/// carry goes to the counter's high word.
export fn zig_bench_naked() callconv(.naked) void {
    asm volatile (
        \\add #1, &bench_counter
        \\adc &bench_counter+2
        \\reti
    );
}
