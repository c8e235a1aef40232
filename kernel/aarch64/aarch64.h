/* AArch64 system registers and instructions as tiny inline functions, so no
 * other C file needs inline assembly for them (Arm ARM DDI 0487, D17). */
#ifndef AARCH64_H
#define AARCH64_H

#include <stdint.h>

#include "arm/mmio.h"

#define SYSREG_READ(name, reg)                                  \
    static inline uint64_t r_##name(void)                       \
    {                                                           \
        uint64_t v;                                             \
        __asm__ volatile("mrs %0, " #reg : "=r"(v));            \
        return v;                                               \
    }
#define SYSREG_WRITE(name, reg)                                 \
    static inline void w_##name(uint64_t v)                     \
    {                                                           \
        __asm__ volatile("msr " #reg ", %0\n\tisb" : : "r"(v) : "memory"); \
    }

SYSREG_READ(vbar, vbar_el1)
SYSREG_WRITE(vbar, vbar_el1)
SYSREG_READ(currentel, currentel)
SYSREG_READ(daif, daif)
SYSREG_WRITE(daif, daif)
SYSREG_READ(cntfrq, cntfrq_el0)          /* generic timer frequency, set by firmware (QEMU: 62.5 MHz) */
SYSREG_WRITE(cntp_tval, cntp_tval_el0)   /* EL1 physical timer: fires when this counts down to 0 */
SYSREG_WRITE(cntp_ctl, cntp_ctl_el0)

/* CNTP_CTL_EL0 bits (D17.11.19). */
#define CNTP_CTL_ENABLE (1u << 0)
#define CNTP_CTL_IMASK (1u << 1)

/* PSTATE.DAIF as read by MRS DAIF: D bit 9, A bit 8, I bit 7, F bit 6. */
#define DAIF_I (1u << 7)
/* SPSR_EL1 (D17.2.124): M[3:0] = 0b0101 is EL1h (EL1, SP_EL1); DAIF at bits 9:6. */
#define SPSR_EL1H 0x5u

/* ESR_EL1 (D17.2.37): EC in bits 31:26, IL bit 25, ISS in bits 24:0. */
#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define ESR_ISS(esr) ((esr) & 0x1ffffff)

static inline void irq_enable(void)
{
    __asm__ volatile("msr daifclr, #2" ::: "memory");   /* #2 = the I bit of DAIF */
}

static inline void irq_disable(void)
{
    __asm__ volatile("msr daifset, #2" ::: "memory");
}

static inline void wfi(void)
{
    __asm__ volatile("wfi" ::: "memory");
}

#endif
