//! The naked bench handler (kernel/bench.h) written in Zig, for the Zig
//! kernel (isr/languages.py): as bench_naked.S's, it adds one to
//! bench_counter. AArch64 has no interrupt convention in Zig (nor in C): a
//! bench vector is an SGI that gic_dispatch hands to its handler, a naked
//! one under AAPCS64, so x0-x17 are free, or a stub one with the trap frame
//! (kernel/zig/bench_stub.zig).

export fn zig_bench_naked() callconv(.naked) void {
    asm volatile (
        \\adrp x0, bench_counter
        \\ldr x1, [x0, :lo12:bench_counter]
        \\add x1, x1, #1
        \\str x1, [x0, :lo12:bench_counter]
        \\ret
    );
}
