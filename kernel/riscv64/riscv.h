/* RISC-V M-mode registers as tiny inline functions (privileged spec 1.12,
 * chapter 3), so that no C file is full of inline assembly. */
#ifndef RISCV_H
#define RISCV_H

#include <stdbool.h>
#include <stdint.h>

#include "isr.h"
#include "string.h"

/* mstatus (3.1.6) */
#define MSTATUS_MIE (1ull << 3)         /* M-mode interrupt enable */
#define MSTATUS_MPIE (1ull << 7)        /* MIE before the trap; mret restores it */
#define MSTATUS_MPP_SHIFT 11            /* bits 12:11: the mode the trap came from */
#define MSTATUS_MPP_MASK (3ull << MSTATUS_MPP_SHIFT)
#define MODE_USER 0
#define MODE_MACHINE 3

/* mcause (3.1.15): bit 63 set for interrupts, the code below it. */
#define MCAUSE_INTERRUPT (1ull << 63)

/* mie / mip (3.1.9): bit n belongs to interrupt cause n. */
#define IRQ_S_SOFT 1
#define IRQ_M_SOFT 3
#define IRQ_S_TIMER 5
#define IRQ_M_TIMER 7
#define IRQ_S_EXT 9
#define IRQ_M_EXT 11
/* The causes whose mip bit M-mode software may set (3.1.9: SSIP, STIP, SEIP). */
#define MIP_SOFTWARE_SETTABLE ((1ull << IRQ_S_SOFT) | (1ull << IRQ_S_TIMER) | (1ull << IRQ_S_EXT))
/* What software can make pending at all: those, and MSI through the CLINT's
   msip (mip.MSIP itself is read-only). `int`, `bench` and `probe` take these. */
#define SOFTWARE_RAISABLE (MIP_SOFTWARE_SETTABLE | (1ull << IRQ_M_SOFT))
#define SOFTWARE_RAISABLE_ONLY "only vectors " NUMBER_TEXT(ISR_VEC_SSI) ", " NUMBER_TEXT(ISR_VEC_MSI) ", " \
    NUMBER_TEXT(ISR_VEC_STI) " and " NUMBER_TEXT(ISR_VEC_SEI) " (SSI, MSI, STI, SEI) can be made pending " \
    "by software; the timer's and the PLIC's come from their devices"

static inline bool software_raisable(unsigned cause)
{
    return cause < 64 && ((SOFTWARE_RAISABLE >> cause) & 1);
}

/* mtvec (3.1.7): MODE in bits 1:0, 1 = vectored. */
#define MTVEC_VECTORED 1ull
#define MTVEC_MODE_MASK 3ull

/* pmpcfg (3.7.1): address matching in bits 4:3, 3 = naturally aligned power of two. */
#define PMP_R 0x01
#define PMP_W 0x02
#define PMP_X 0x04
#define PMP_NAPOT 0x18

#define CSR_READ(name) ({ uint64_t v_; __asm__ volatile("csrr %0, " #name : "=r"(v_)); v_; })
#define CSR_WRITE(name, v) __asm__ volatile("csrw " #name ", %0" : : "r"((uint64_t)(v)) : "memory")
#define CSR_SET(name, v) __asm__ volatile("csrs " #name ", %0" : : "r"((uint64_t)(v)) : "memory")
#define CSR_CLEAR(name, v) __asm__ volatile("csrc " #name ", %0" : : "r"((uint64_t)(v)) : "memory")

static inline uint64_t r_mstatus(void) { return CSR_READ(mstatus); }
static inline void w_mstatus(uint64_t v) { CSR_WRITE(mstatus, v); }
static inline uint64_t r_mepc(void) { return CSR_READ(mepc); }
static inline void w_mepc(uint64_t v) { CSR_WRITE(mepc, v); }
static inline uint64_t r_mcause(void) { return CSR_READ(mcause); }
static inline uint64_t r_mtval(void) { return CSR_READ(mtval); }
static inline uint64_t r_mtvec(void) { return CSR_READ(mtvec); }
static inline void w_mtvec(uint64_t v) { CSR_WRITE(mtvec, v); }
static inline uint64_t r_mie(void) { return CSR_READ(mie); }
static inline void w_mie(uint64_t v) { CSR_WRITE(mie, v); }
static inline uint64_t r_mip(void) { return CSR_READ(mip); }
static inline void s_mip(uint64_t bits) { CSR_SET(mip, bits); }
static inline void c_mip(uint64_t bits) { CSR_CLEAR(mip, bits); }
static inline void w_pmpaddr0(uint64_t v) { CSR_WRITE(pmpaddr0, v); }
static inline void w_pmpcfg0(uint64_t v) { CSR_WRITE(pmpcfg0, v); }

static inline void intr_on(void) { CSR_SET(mstatus, MSTATUS_MIE); }
static inline void intr_off(void) { CSR_CLEAR(mstatus, MSTATUS_MIE); }

/* wfi wakes on any interrupt pending and enabled in mie, even with MIE clear
   (3.3.3); setting MIE then takes it, and clearing it again closes the window. */
static inline void wfi_then_take(void)
{
    __asm__ volatile("wfi\n\tcsrs mstatus, %0\n\tcsrc mstatus, %0" : : "r"(MSTATUS_MIE) : "memory");
}

#endif
