/* probe_run(kind) (kernel/cortex-m/probe.c): with r0-r12, lr and the APSR
 * flags holding their sentinels from probe_want, raise (kind 0: the store to
 * NVIC_STIR whose address and value are r0's and r1's sentinels), or make a
 * UsageFault (1: udf) or a precise BusFault (2: a load from r12's sentinel,
 * an address nothing decodes), whose handler must resume at probe_back. Then
 * store them all in probe_got, and sp before and after. PRIMASK is clear
 * while it runs (a masked fault would escalate); BASEPRI, set by the
 * caller, keeps the timer and UART out. */
#include "arm/probe_regs.h"

    .syntax unified
    .thumb

    .section .text.probe_run, "ax"
    .globl probe_run, probe_back
    .type probe_run, %function
    .thumb_func
probe_run:
    push {r4-r11, lr}
    mrs r1, primask
    ldr r2, =probe_saved_primask
    str r1, [r2]
    probe_save_sp_before
    cpsie i
    cmp r0, #1
    beq 1f
    bhi 2f
    probe_load_sentinels APSR_nzcvq
    str r1, [r0]                /* pend the bench IRQ */
    dsb
    isb
    b probe_back
1:  probe_load_sentinels APSR_nzcvq
    udf #0                      /* UsageFault, undefined instruction */
    b probe_back
2:  probe_load_sentinels APSR_nzcvq
    ldr r12, [r12]              /* BusFault: nothing at r12's address */
    b probe_back
    .thumb_func
probe_back:
    cpsid i                     /* nothing may land below sp now */
    probe_store_results
    ldr r0, =probe_saved_primask
    ldr r0, [r0]
    msr primask, r0
    pop {r4-r11, pc}
    .ltorg
    .size probe_run, . - probe_run

    .section .bss.probe_run, "aw", %nobits
    .balign 4
probe_saved_primask:
    .word 0
