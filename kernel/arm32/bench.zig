//! The bench handlers (kernel/bench.h) written in Zig, for the Zig kernel
//! (isr/languages.py): as bench.c's and bench_naked.S's, each adds one to
//! bench_counter, directly or through bench_bump(). Every bench vector is an
//! SGI behind the GIC entries (gic_irq, gic_fiq), which call its handler
//! from the generated GIC table with the acknowledged interrupt; a naked
//! one is called under AAPCS too, so r0-r3 are free.
const kernel = @import("kernel");

export fn zig_bench_stub(irq: *const anyopaque) callconv(.c) void {
    _ = irq;
    kernel.bench_counter.* += 1;
}

export fn zig_bench_stub_call(irq: *const anyopaque) callconv(.c) void {
    _ = irq;
    kernel.bench_bump();
}

export fn zig_bench_naked() callconv(.naked) void {
    asm volatile (
        \\movw r0, #:lower16:bench_counter
        \\movt r0, #:upper16:bench_counter
        \\ldr r1, [r0]
        \\add r1, r1, #1
        \\str r1, [r0]
        \\bx lr
    );
}
