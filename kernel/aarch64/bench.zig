//! The bench handlers (kernel/bench.h) written in Zig, for the Zig kernel
//! (isr/languages.py): as bench.c's and bench_naked.S's, each adds one to
//! bench_counter, directly or through bench_bump(). AArch64 has no interrupt
//! convention in Zig (nor in C): a bench vector is an SGI that gic_dispatch
//! hands to its handler, a stub one with the trap frame, a naked one under
//! AAPCS64, so x0-x17 are free.
const kernel = @import("kernel");

export fn zig_bench_stub(frame: *anyopaque) callconv(.c) void {
    _ = frame;
    kernel.bench_counter.* += 1;
}

export fn zig_bench_stub_call(frame: *anyopaque) callconv(.c) void {
    _ = frame;
    kernel.bench_bump();
}

export fn zig_bench_naked() callconv(.naked) void {
    asm volatile (
        \\adrp x0, bench_counter
        \\ldr x1, [x0, :lo12:bench_counter]
        \\add x1, x1, #1
        \\str x1, [x0, :lo12:bench_counter]
        \\ret
    );
}
