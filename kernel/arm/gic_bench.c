/* The measured window of `bench N` on aarch64 and arm32 (kernel/bench.h).
 * Every bench vector is an SGI: the store to GICD_SGIR that raises it opens
 * the window (kernel/<arch>/bench_window.S), and the window closes after the
 * ISB where the exception return lands. GICC_PMR signals only priorities
 * below it: one step above the SGI's own keeps the timer and the UART out of
 * the window, and for a FIQ SGI (arm32, priority 0x00) every other interrupt
 * too. The handlers stay in kernel/<arch>/bench.c: their argument differs
 * (aarch64's trap frame, arm32's struct gic_irq). */
#include <stdint.h>

#include "arm/gicv2.h"
#include "bench.h"
#include "gic.h"

void bench_raise_store(uintptr_t reg, uint32_t value);    /* kernel/<arch>/bench_window.S */

static volatile uint32_t empty_target;      /* what the empty window stores to */

bool arch_bench_raise(unsigned vector, const char **why)
{
    unsigned sgi;
    uint32_t pmr;
    if (!gicv2_sgi_window(vector, &sgi, &pmr, why))
        return false;
    uint32_t old = gic_set_priority_mask(pmr);
    bench_raise_store(gic_sgir_address(), gic_sgir_to_self(sgi));
    gic_set_priority_mask(old);
    return true;
}

void arch_bench_empty(void)
{
    bench_raise_store((uintptr_t)&empty_target, 0);
}
