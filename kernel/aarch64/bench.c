/* Bench handlers (isr/aarch64.py, bench=); their measured window is
 * kernel/arm/gic_bench.c. No compiler has an interrupt attribute for
 * AArch64, so every bench vector is an SGI behind gic_dispatch (the stub
 * bound to EL1H_IRQ), which saves the full frame, acknowledges the GIC and
 * calls the handler under AAPCS64; bench_naked.S is the hand-written minimum
 * of that call. The window closes after the ISB where ERET lands. */
#include "bench.h"
#include "isr.h"

void bench_stub(struct trap_frame *frame)
{
    (void)frame;
    bench_counter++;
}

void bench_stub_call(struct trap_frame *frame)
{
    (void)frame;
    bench_bump();
}
