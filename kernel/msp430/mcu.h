/* MSP430 status register and CPU control, one tiny inline each (SLAU049 3.2.3).
 * The part's peripheral registers come from msp430mcu's <msp430.h>, whose
 * names linker/msp430.ld binds through the part's periph.x. */
#ifndef MCU_H
#define MCU_H

#include <msp430.h>
#include <stdint.h>

#include "isr.h"

/* SR bits that select a low-power mode: CPUOFF alone is LPM0, up to all four
   for LPM4. The CPU clears them on interrupt entry and RETI restores them. */
#define SR_LPM_BITS (CPUOFF | OSCOFF | SCG0 | SCG1)

static inline uint16_t r_sr(void)
{
    uint16_t v;
    __asm__ volatile("mov r2, %0" : "=r"(v));
    return v;
}

/* DINT takes effect after the next instruction: the NOP covers it. */
static inline void dint(void)
{
    __asm__ volatile("dint\n\tnop" ::: "memory");
}

static inline void eint(void)
{
    __asm__ volatile("nop\n\teint\n\tnop" ::: "memory");
}

/* Set GIE and CPUOFF in one instruction (LPM0): an interrupt already pending
   is taken at once and none can slip in between unmasking and sleeping. The
   CPU runs on only when a handler clears CPUOFF in the SR it saved. */
static inline void lpm0_then_mask(void)
{
    __asm__ volatile("bis #0x18, r2\n\tnop\n\tdint\n\tnop" ::: "memory");   /* GIE | CPUOFF */
}

static inline uint8_t mmio_read8(uint16_t addr)
{
    return *(volatile uint8_t *)addr;
}

static inline void mmio_write8(uint16_t addr, uint8_t value)
{
    *(volatile uint8_t *)addr = value;
}

#endif
