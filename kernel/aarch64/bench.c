/* Bench handlers (isr/aarch64.py, bench=) and their measured window. No
 * compiler has an interrupt attribute for AArch64, so every bench vector is
 * an SGI behind gic_dispatch (the stub bound to EL1H_IRQ), which saves the
 * full frame, acknowledges the GIC and calls the handler under AAPCS64;
 * bench_naked.S is the hand-written minimum of that call. The window opens
 * at the store to GICD_SGIR (bench_window.S) and closes after the ISB, where
 * ERET lands. */
#include <stdint.h>

#include "aarch64.h"
#include "bench.h"
#include "arm/gicv2.h"
#include "gic.h"
#include "isr.h"

void bench_raise_store(uintptr_t reg, uint32_t value);    /* bench_window.S */

static volatile uint32_t empty_target;      /* what the empty window stores to */


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

bool arch_bench_raise(unsigned vector, const char **why)
{
    unsigned sgi;
    uint32_t pmr;
    if (!gicv2_sgi_window(vector, &sgi, &pmr, why))
        return false;
    /* GICC_PMR signals only priorities below it: one step above the SGI's own
       keeps the timer and the UART (0x80) out of the window. */
    uint32_t old = gic_set_priority_mask(pmr);
    bench_raise_store(gic_sgir_address(), gic_sgir_to_self(sgi));
    gic_set_priority_mask(old);
    return true;
}

void arch_bench_empty(void)
{
    bench_raise_store((uintptr_t)&empty_target, 0);
}
