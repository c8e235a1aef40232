//! The naked bench handler (kernel/bench.h) written in Zig, for the Zig
//! kernel (isr/languages.py): as bench_naked.S's, it adds one to
//! bench_counter. Every bench vector is an SGI behind the GIC entries
//! (gic_irq, gic_fiq), which call its handler from the generated GIC table:
//! a stub one with the acknowledged interrupt (kernel/zig/bench_stub.zig), a
//! naked one under AAPCS too, so r0-r3 are free.

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
