/* The 32-bit Arm probe (kernel/probe.h), the same on the M and the A
 * profile: probe.S loads r0-r12, lr and the flags with the sentinels in
 * probe_want, raises the vector or makes the fault, and stores every one
 * back into probe_got, and sp before and after; probe.c fills the sentinels
 * and checks them. What differs stays in kernel/<arch>/probe.S: which APSR
 * fields msr may write (the M profile has no GE bits), how the interrupts
 * are masked and unmasked, and what raises the vector. */
#ifndef ARM_PROBE_REGS_H
#define ARM_PROBE_REGS_H

/* probe_want and probe_got, a word each: r0-r12, then lr, then the flags. */
#define PROBE_REGISTERS 15
#define PROBE_R12 12
#define PROBE_LR 13
#define PROBE_FLAGS 14

#ifdef __ASSEMBLER__

/* r1 = sp, into probe_sp_before (r2 is clobbered). */
    .macro probe_save_sp_before
    mov r1, sp
    ldr r2, =probe_sp_before
    str r1, [r2]
    .endm

/* Every register from probe_want: apsr names the APSR fields the profile's
   msr writes (APSR_nzcvq on the M profile, APSR_nzcvqg on the A profile). */
    .macro probe_load_sentinels apsr
    ldr r0, =probe_want
    ldr r1, [r0, #4 * PROBE_FLAGS]
    msr \apsr, r1
    ldr lr, [r0, #4 * PROBE_LR]
    ldm r0, {r0-r12}            /* the base loaded last: no writeback */
    .endm

/* Every register into probe_got, then sp into probe_sp_after. Call it with
   the interrupts masked: r0 waits a moment below sp. */
    .macro probe_store_results
    str r0, [sp, #-4]
    ldr r0, =probe_got + 4
    stm r0, {r1-r12}
    str lr, [r0, #4 * (PROBE_LR - 1)]
    mrs r1, apsr
    str r1, [r0, #4 * (PROBE_FLAGS - 1)]
    ldr r1, [sp, #-4]
    str r1, [r0, #-4]
    mov r1, sp
    ldr r0, =probe_sp_after
    str r1, [r0]
    .endm

#else

#include <stdint.h>

#include "probe.h"

extern uint32_t probe_want[PROBE_REGISTERS];
extern uint32_t probe_got[PROBE_REGISTERS];
extern uint32_t probe_sp_before, probe_sp_after;
void probe_run(uint32_t kind);              /* kernel/<arch>/probe.S */
extern const char probe_back[];             /* where a probed fault's handler resumes */

/* A sentinel per register, 0x5e5e0101 for r0 up to 0x5e5e0f0f for the
   flags, but for r0 and r1 (what raises the vector), r12 (the address a
   fault probe touches) and the flags (those the profile's APSR holds). */
static inline void probe_load_want(uint32_t r0, uint32_t r1, uint32_t r12, uint32_t flags)
{
    for (unsigned i = 0; i < PROBE_REGISTERS; i++)
        probe_want[i] = 0x5e5e0000u | (i + 1) << 8 | (i + 1);
    probe_want[0] = r0;
    probe_want[1] = r1;
    probe_want[PROBE_R12] = r12;
    probe_want[PROBE_FLAGS] = flags;
}

/* One probe line a register, named by names, and one for sp. */
static inline void probe_check_registers(const char *const names[PROBE_REGISTERS])
{
    for (unsigned i = 0; i < PROBE_REGISTERS; i++)
        probe_check(names[i], probe_got[i] == probe_want[i], probe_want[i], probe_got[i]);
    probe_check("sp", probe_sp_after == probe_sp_before, probe_sp_before, probe_sp_after);
}

#endif
#endif
