//! The naked bench handler (kernel/bench.h) written in Zig, for the Zig
//! kernel (isr/languages.py): as bench_naked.S's, it adds one to
//! bench_counter. The abi and stub ones are C-convention functions, the same
//! on every arch: kernel/zig/bench_abi_c.zig and bench_stub.zig (an exception
//! return is an ordinary `bx lr` with EXC_RETURN in lr, so Zig has no
//! Cortex-M interrupt convention because none is needed).

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
