/* probe_run(kind) (kernel/cortex-m/probe.c): with r0-r12, lr and the APSR
 * flags holding their sentinels from probe_want, raise (kind 0: the store to
 * NVIC_STIR whose address and value are r0's and r1's sentinels), or make a
 * UsageFault (1: udf) or a precise BusFault (2: a load from r12's sentinel,
 * an address nothing decodes), whose handler must resume at probe_back. Then
 * store them all in probe_got, and sp before and after. PRIMASK is clear
 * while it runs (a masked fault would escalate); BASEPRI, set by the
 * caller, keeps the timer and UART out. */
    .syntax unified
    .thumb

    .macro load_sentinels
    ldr r0, =probe_want
    ldr r1, [r0, #56]
    msr APSR_nzcvq, r1
    ldr lr, [r0, #52]
    ldm r0, {r0-r12}            /* the base loaded last: no writeback */
    .endm

    .section .text.probe_run, "ax"
    .globl probe_run, probe_back
    .type probe_run, %function
    .thumb_func
probe_run:
    push {r4-r11, lr}
    mrs r1, primask
    ldr r2, =probe_saved_primask
    str r1, [r2]
    mov r1, sp
    ldr r2, =probe_sp_before
    str r1, [r2]
    cpsie i
    cmp r0, #1
    beq 1f
    bhi 2f
    load_sentinels
    str r1, [r0]                /* pend the bench IRQ */
    dsb
    isb
    b probe_back
1:  load_sentinels
    udf #0                      /* UsageFault, undefined instruction */
    b probe_back
2:  load_sentinels
    ldr r12, [r12]              /* BusFault: nothing at r12's address */
    b probe_back
    .thumb_func
probe_back:
    cpsid i                     /* nothing may land below sp now */
    str r0, [sp, #-4]
    ldr r0, =probe_got + 4
    stm r0, {r1-r12}
    str lr, [r0, #48]
    mrs r1, apsr
    str r1, [r0, #52]
    ldr r1, [sp, #-4]
    str r1, [r0, #-4]
    mov r1, sp
    ldr r0, =probe_sp_after
    str r1, [r0]
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
