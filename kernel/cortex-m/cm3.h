/* Cortex-M3 special registers and barriers, one tiny inline each, so no C
 * file is full of inline assembly (ARMv7-M ARM B5.2: MRS, MSR, CPS). */
#ifndef CM3_H
#define CM3_H

#include <stdint.h>

#include "isr.h"

static inline uint32_t mmio_read(uint32_t addr)
{
    return *(volatile uint32_t *)addr;
}

static inline void mmio_write(uint32_t addr, uint32_t value)
{
    *(volatile uint32_t *)addr = value;
}

static inline void mmio_write8(uint32_t addr, uint8_t value)
{
    *(volatile uint8_t *)addr = value;
}

static inline void cpsid_i(void)
{
    __asm__ volatile("cpsid i" ::: "memory");       /* PRIMASK = 1: mask all but NMI and HardFault */
}

static inline void cpsie_i(void)
{
    __asm__ volatile("cpsie i" ::: "memory");
}

/* BASEPRI (B1.4.3): exceptions whose priority value is this or more wait;
   0 masks nothing. */
static inline void w_basepri(uint32_t v)
{
    __asm__ volatile("msr basepri, %0\n\tisb" : : "r"(v) : "memory");
}

static inline uint32_t r_primask(void)
{
    uint32_t v;
    __asm__ volatile("mrs %0, primask" : "=r"(v));
    return v;
}

static inline uint32_t r_basepri(void)
{
    uint32_t v;
    __asm__ volatile("mrs %0, basepri" : "=r"(v));
    return v;
}

static inline uint32_t r_ipsr(void)
{
    uint32_t v;
    __asm__ volatile("mrs %0, ipsr" : "=r"(v));
    return v & 0x1ff;                               /* the exception number, 0 in Thread mode */
}

static inline uint32_t r_psp(void)
{
    uint32_t v;
    __asm__ volatile("mrs %0, psp" : "=r"(v));
    return v;
}

/* Complete memory accesses (DSB), then refetch (ISB), so that a register
   write that pends an exception takes effect before the next instruction. */
static inline void barrier(void)
{
    __asm__ volatile("dsb\n\tisb" ::: "memory");
}

/* WFI wakes on a pending interrupt even with PRIMASK set (ARMv7-M ARM B1.5, WFI): sleeping
   masked, then unmasking, cannot miss an interrupt that arrives in between. */
static inline void wfi_then_take(void)
{
    __asm__ volatile("wfi\n\tcpsie i\n\tisb\n\tcpsid i" ::: "memory");
}

/* EXC_RETURN bit 2: 1 = the hardware frame is on the process stack (B1.5.8). */
#define EXC_RETURN_PSP (1u << 2)

/* The hardware frame of an `abi` handler. Its caller is the exception entry,
   so __builtin_return_address(0) is EXC_RETURN; on MSP the frame starts at
   the SP on entry, which clang's Thumb frame record (push {..., r7, lr}; r7 =
   address of the saved r7, with -fno-omit-frame-pointer) puts at r7 + 8.
   GCC points r7 at the bottom of its own frame instead: the same place only
   where it pushes {r7, lr} alone and keeps no locals, as in on_usage_fault
   (arm-none-eabi-gcc 12.2 and 14.2, the probe's `undef`). */
#define ABI_EXCEPTION_FRAME()                                                      \
    (((uint32_t)__builtin_return_address(0) & EXC_RETURN_PSP)                      \
         ? (struct exception_frame *)r_psp()                                       \
         : (struct exception_frame *)((uintptr_t)__builtin_frame_address(0) + 8))

#endif
