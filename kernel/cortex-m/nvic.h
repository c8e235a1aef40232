#ifndef NVIC_H
#define NVIC_H

#include <stdbool.h>
#include <stdint.h>

/* Exception numbers (ARMv7-M ARM B1.5.2); external IRQ n is ISR_IRQ_BASE + n. */
enum {
    EXC_NMI = 2, EXC_HARDFAULT = 3, EXC_MEMMANAGE = 4, EXC_BUSFAULT = 5, EXC_USAGEFAULT = 6,
    EXC_SVCALL = 11, EXC_PENDSV = 14, EXC_SYSTICK = 15,
};

/* Program every priority from gen/isr_stubs.S and enable the IRQs the spec binds. */
void nvic_init(void);
void nvic_enable(unsigned irq);
void nvic_disable(unsigned irq);
/* Pend exception N from software: NMI, PendSV, SysTick or an external IRQ. */
bool nvic_pend(unsigned exception);
int nvic_priority(unsigned exception);      /* as programmed; -1 where fixed */

#endif
