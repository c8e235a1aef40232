/* ARMv7-A system registers and instructions as tiny inline functions, so no
 * other C file needs inline assembly for them (ARM DDI 0406C: B4.1 for the
 * CP15 registers, B8 for the generic timer, B1.3 for the CPSR). */
#ifndef ARM32_H
#define ARM32_H

#include <stdint.h>

#include "arm/mmio.h"

#define CP15_READ(name, op1, crn, crm, op2)                                    \
    static inline uint32_t r_##name(void)                                      \
    {                                                                          \
        uint32_t v;                                                            \
        __asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 : "=r"(v)); \
        return v;                                                              \
    }
#define CP15_WRITE(name, op1, crn, crm, op2)                                   \
    static inline void w_##name(uint32_t v)                                    \
    {                                                                          \
        __asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 "\n\tisb" \
                         : : "r"(v) : "memory");                               \
    }

CP15_READ(vbar, 0, c12, c0, 0)         /* B4.1.156: the vector table base (bits 4:0 RES0) */
CP15_WRITE(vbar, 0, c12, c0, 0)
CP15_READ(dfsr, 0, c5, c0, 0)          /* B4.1.52: data fault status */
CP15_READ(ifsr, 0, c5, c0, 1)          /* B4.1.96: instruction fault status */
CP15_READ(dfar, 0, c6, c0, 0)          /* B4.1.51: the faulting data address */
CP15_READ(ifar, 0, c6, c0, 2)          /* B4.1.95: the faulting instruction address */
CP15_READ(cntfrq, 0, c14, c0, 0)       /* generic timer frequency (QEMU: 62.5 MHz) */
CP15_WRITE(cntp_tval, 0, c14, c2, 0)   /* PL1 physical timer: fires when this counts down to 0 */
CP15_WRITE(cntp_ctl, 0, c14, c2, 1)
CP15_WRITE(cntv_tval, 0, c14, c3, 0)   /* virtual timer: the same, counting CNTVCT */
CP15_WRITE(cntv_ctl, 0, c14, c3, 1)

/* CNTP_CTL / CNTV_CTL bits (B8.3). */
#define CNT_CTL_ENABLE (1u << 0)
#define CNT_CTL_IMASK (1u << 1)

/* The physical count, 64 bits through MRRC (B8.1.1). */
static inline uint64_t r_cntpct(void)
{
    uint32_t lo, hi;
    __asm__ volatile("isb\n\tmrrc p15, 0, %0, %1, c14" : "=r"(lo), "=r"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* CPSR and SPSR (B1.3.3): M[4:0] the mode, T bit 5, F bit 6, I bit 7, A bit 8. */
#define PSR_MODE(psr) ((psr) & 0x1fu)
#define PSR_F (1u << 6)
#define PSR_I (1u << 7)
#define PSR_A (1u << 8)
#define MODE_USR 0x10u
#define MODE_FIQ 0x11u
#define MODE_IRQ 0x12u
#define MODE_SVC 0x13u
#define MODE_ABT 0x17u
#define MODE_UND 0x1bu
#define MODE_SYS 0x1fu

static inline uint32_t r_cpsr(void)
{
    uint32_t v;
    __asm__ volatile("mrs %0, cpsr" : "=r"(v));
    return v;
}

/* Only meaningful in an exception mode, before anything can take another
   exception into the same mode. */
static inline uint32_t r_spsr(void)
{
    uint32_t v;
    __asm__ volatile("mrs %0, spsr" : "=r"(v));
    return v;
}

static inline void irq_enable(void)
{
    __asm__ volatile("cpsie i" ::: "memory");
}

static inline void irq_disable(void)
{
    __asm__ volatile("cpsid i" ::: "memory");
}

static inline void fiq_enable(void)
{
    __asm__ volatile("cpsie f" ::: "memory");
}

static inline void irqfiq_disable(void)
{
    __asm__ volatile("cpsid if" ::: "memory");
}

static inline void wfi(void)
{
    __asm__ volatile("wfi" ::: "memory");
}

#endif
