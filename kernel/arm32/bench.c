/* Bench handlers (isr/arm32.py, bench=) and their measured window. Every
 * bench vector is an SGI: the store to GICD_SGIR raises it, the CPU takes the
 * VBAR word of its group, the abi entry (gic_irq, interrupt("IRQ"), or
 * gic_fiq, interrupt("FIQ"), kernel/arm32/irq.c) acknowledges the GIC, calls
 * the handler below as an ordinary function and ends the interrupt. The
 * same handlers are bound on both groups, so an IRQ and a FIQ window differ
 * only in what the entry's convention saves. bench_naked.S is the
 * hand-written minimum of the handler. The window opens at the store
 * (bench_window.S) and closes after the ISB, where `subs pc, lr, #4` lands. */
#include <stdint.h>

#include "bench.h"
#include "arm/gicv2.h"
#include "gic.h"
#include "isr.h"

void bench_raise_store(uintptr_t reg, uint32_t value);    /* bench_window.S */

static volatile uint32_t empty_target;      /* what the empty window stores to */


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

bool arch_bench_raise(unsigned vector, const char **why)
{
    unsigned sgi;
    uint32_t pmr;
    if (!gicv2_sgi_window(vector, &sgi, &pmr, why))
        return false;
    /* GICC_PMR signals only priorities below it: one step above the SGI's own
       keeps the timer and the UART (0xa0) out of the window, and for a FIQ
       SGI (0x00) every other interrupt too. */
    uint32_t old = gic_set_priority_mask(pmr);
    bench_raise_store(gic_sgir_address(), gic_sgir_to_self(sgi));
    gic_set_priority_mask(old);
    return true;
}

void arch_bench_empty(void)
{
    bench_raise_store((uintptr_t)&empty_target, 0);
}
