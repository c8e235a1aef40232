/* Bench handlers (isr/arm32.py, bench=); their measured window is
 * kernel/arm/gic_bench.c. Every bench vector is an SGI: the CPU takes the
 * VBAR word of its group, the abi entry (gic_irq, interrupt("IRQ"), or
 * gic_fiq, interrupt("FIQ"), kernel/arm32/irq.c) acknowledges the GIC, calls
 * the handler below as an ordinary function and ends the interrupt. The
 * same handlers are bound on both groups, so an IRQ and a FIQ window differ
 * only in what the entry's convention saves. bench_naked.S is the
 * hand-written minimum of the handler. The window closes after the ISB,
 * where `subs pc, lr, #4` lands. */
#include "bench.h"
#include "isr.h"

void bench_stub(const struct gic_irq *irq)
{
    (void)irq;
    bench_counter++;
}

void bench_stub_call(const struct gic_irq *irq)
{
    (void)irq;
    bench_bump();
}
