/* Bench handlers (isr/cortex-m.py, bench=) and their measured window. The
 * hardware stacks r0-r3, r12, lr, pc and xPSR, so `abi` is a plain AAPCS
 * function; bench_naked.S is the hand-written minimum. The window opens at
 * the store to NVIC_STIR (bench_window.S) and closes after the ISB, where the
 * exception return lands. */
#include <stdint.h>

#include "bench.h"
#include "cm3.h"
#include "isr.h"
#include "memlayout.h"
#include "nvic.h"
#include "string.h"

void bench_raise_store(volatile uint32_t *reg, uint32_t value);   /* bench_window.S */

static volatile uint32_t empty_target;      /* what the empty window stores to */

/* isr/arch_cortex_m PRIORITY_STEP: the AN385's Cortex-M3 implements the top
   3 priority bits. BASEPRI masks every exception whose group priority is at or
   above its own, so one step above the bench IRQ's priority keeps SysTick and
   the UART out of the window. (QEMU keeps all 8 bits written to BASEPRI, so
   reading it back would not tell the step.) */
#define PRIORITY_STEP 0x20

bool arch_bench_raise(unsigned vector, const char **why)
{
    if (vector < ISR_IRQ_BASE) {
        *why = "only external IRQs (vector " NUMBER_TEXT(ISR_IRQ_BASE) " and up) are pended by a store to NVIC_STIR";
        return false;
    }
    int priority = nvic_priority(vector);
    uint32_t mask = (uint32_t)priority + PRIORITY_STEP;
    if (mask > 0xff) {
        *why = "its priority is the lowest there is: BASEPRI cannot mask the timer and UART below it";
        return false;
    }
    nvic_enable(vector - ISR_IRQ_BASE);
    uint32_t saved = r_basepri();
    w_basepri(mask);
    bench_raise_store((volatile uint32_t *)NVIC_STIR, vector - ISR_IRQ_BASE);
    w_basepri(saved);
    return true;
}

void arch_bench_empty(void)
{
    bench_raise_store(&empty_target, 0);
}
