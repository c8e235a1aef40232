/* probe_run(kind) (kernel/arm32/probe.c): with r0-r12, lr and the CPSR
 * flags holding their sentinels from probe_want, raise (kind 0: the store to
 * GICD_SGIR whose address and value are r0's and r1's sentinels), or make a
 * data abort (1: a load from r12's sentinel, an address nothing decodes,
 * which the ABORT return skips) or a prefetch abort (2: a branch to it,
 * whose handler must resume at probe_back). Then store them all in
 * probe_got, and sp before and after. IRQ and FIQ are unmasked while it
 * runs; GICC_PMR, set by the caller, lets only the probed SGI through. */
#include "arm/probe_regs.h"

    .arm

    .section .text.probe_run, "ax"
    .globl probe_run, probe_back
    .type probe_run, %function
probe_run:
    push {r3-r11, lr}           /* r3: keeps sp 8-byte aligned */
    mrs r1, cpsr
    ldr r2, =probe_saved_cpsr
    str r1, [r2]
    probe_save_sp_before
    cpsie if
    cmp r0, #1
    beq 1f
    bhi 2f
    probe_load_sentinels APSR_nzcvqg
    str r1, [r0]                /* send the SGI */
    dsb sy
    isb
    b probe_back
1:  probe_load_sentinels APSR_nzcvqg
    ldr r3, [r12]               /* a data abort: nothing at r12's address */
    b probe_back
2:  probe_load_sentinels APSR_nzcvqg
    bx r12                      /* a prefetch abort at r12's address */
probe_back:
    cpsid if                    /* APSR's flags stay as they are; no exception uses SYS mode's stack */
    probe_store_results
    ldr r0, =probe_saved_cpsr
    ldr r0, [r0]
    msr cpsr_c, r0
    pop {r3-r11, pc}
    .ltorg
    .size probe_run, . - probe_run

    .section .bss.probe_run, "aw", %nobits
    .balign 4
probe_saved_cpsr:
    .word 0
