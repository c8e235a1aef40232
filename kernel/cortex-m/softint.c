/* `int N`: Cortex-M has no `int` instruction; its nearest equivalents are
 * SVC (exception 11) and pending an exception from software: NMI and PendSV
 * and SysTick through ICSR, external IRQs through NVIC_STIR. Faults and Reset
 * cannot be pended (ARMv7-M ARM B1.5.5), so `int` refuses them. */
#include <stdint.h>

#include "arch.h"
#include "cm3.h"
#include "isr.h"
#include "nvic.h"
#include "printf.h"
#include "report.h"
#include "string.h"

static uint32_t svc_call(uint32_t r0_in)
{
    register uint32_t r0 __asm__("r0") = r0_in;
    __asm__ volatile("svc #11" : "+r"(r0) : : "memory");
    return r0;
}

void arch_cmd_int(const char *arg)
{
    uint64_t vector;
    if (!arg || !parse_u64(arg, &vector) || vector == 0 || vector >= ISR_VECTOR_COUNT) {
        kprintf("error: usage: int N, with N an exception number from 1 to %u\n", ISR_VECTOR_COUNT - 1);
        return;
    }
    unsigned v = (unsigned)vector;
    if (v == EXC_SVCALL) {
        uint32_t r0 = svc_call(0x1000 + v);
        kprintf("int %s: returned r0=0x%x\n", arg, (unsigned)r0);
        return;
    }
    if (v >= ISR_IRQ_BASE)
        nvic_enable(v - ISR_IRQ_BASE);           /* a pended IRQ is taken only when enabled */
    /* SysTick's and the IRQs' handlers report only with irqtrace on: ask for
       this one report, with PRIMASK set so that no other interrupt takes it first. */
    arch_irq_disable();
    report_irq_once((int)v);
    bool pended = nvic_pend(v);
    arch_irq_enable();
    barrier();                                   /* the pended exception is taken here */
    report_irq_once(-1);
    if (!pended) {
        kprintf("error: exception %u (%s) cannot be pended by software: Reset and the faults are raised "
                "only by the CPU; use trap instead\n", v, arch_vector_name(v));
        return;
    }
    kprintf("int %s: returned\n", arg);      /* as typed: 0x10 stays 0x10 */
}
