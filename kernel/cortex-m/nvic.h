#ifndef NVIC_H
#define NVIC_H

#include <stdbool.h>
#include <stdint.h>

#include "isr.h"

/* Exception numbers (ARMv7-M ARM B1.5.2), from the arch model through gen/isr.h;
   external IRQ n is ISR_IRQ_BASE + n. */
enum {
    EXC_NMI = ISR_VEC_NMI, EXC_HARDFAULT = ISR_VEC_HARDFAULT, EXC_MEMMANAGE = ISR_VEC_MEMMANAGE,
    EXC_BUSFAULT = ISR_VEC_BUSFAULT, EXC_USAGEFAULT = ISR_VEC_USAGEFAULT,
    EXC_SVCALL = ISR_VEC_SVCALL, EXC_PENDSV = ISR_VEC_PENDSV, EXC_SYSTICK = ISR_VEC_SYSTICK,
};

/* Program every priority from gen/isr_stubs.S and enable the IRQs the spec binds. */
void nvic_init(void);
void nvic_enable(unsigned irq);
void nvic_disable(unsigned irq);
/* Pend exception N from software: NMI, PendSV, SysTick or an external IRQ. */
bool nvic_pend(unsigned exception);
int nvic_priority(unsigned exception);      /* as programmed; -1 where fixed */

#endif
