//! The bench handlers (kernel/bench.h) written in Zig, for the Zig kernel
//! (isr/languages.py): the same shapes as bench_counter.inc and
//! bench_naked.S, each adding one to bench_counter, directly or through
//! bench_bump().
//!
//! abi on the Cortex-M is a plain C function (Zig's .c convention, AAPCS):
//! the hardware stacks r0-r3, r12, lr, pc and xPSR, and an exception return
//! is an ordinary `bx lr` with EXC_RETURN in lr. Zig has no Cortex-M
//! interrupt convention because none is needed.
const kernel = @import("kernel");

export fn zig_bench_abi() callconv(.c) void {
    kernel.bench_counter.* += 1;
}

export fn zig_bench_abi_call() callconv(.c) void {
    kernel.bench_bump();
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

/// naked: r0-r3 were stacked by the hardware, so they are free.
export fn zig_bench_naked() callconv(.naked) void {
    asm volatile (
        \\ldr r0, =bench_counter
        \\ldr r1, [r0]
        \\adds r1, #1
        \\str r1, [r0]
        \\bx lr
        \\.ltorg
    );
}
