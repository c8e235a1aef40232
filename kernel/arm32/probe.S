/* probe_run(kind) (kernel/arm32/probe.c): with r0-r12, lr and the CPSR
 * flags holding their sentinels from probe_want, raise (kind 0: the store to
 * GICD_SGIR whose address and value are r0's and r1's sentinels), or make a
 * data abort (1: a load from r12's sentinel, an address nothing decodes,
 * which the ABORT return skips) or a prefetch abort (2: a branch to it,
 * whose handler must resume at probe_back). Then store them all in
 * probe_got, and sp before and after. IRQ and FIQ are unmasked while it
 * runs; GICC_PMR, set by the caller, lets only the probed SGI through. */
    .arm

    .macro load_sentinels
    ldr r0, =probe_want
    ldr r1, [r0, #56]
    msr APSR_nzcvqg, r1
    ldr lr, [r0, #52]
    ldm r0, {r0-r12}            /* the base loaded last: no writeback */
    .endm

    .section .text.probe_run, "ax"
    .globl probe_run, probe_back
    .type probe_run, %function
probe_run:
    push {r3-r11, lr}           /* r3: keeps sp 8-byte aligned */
    mrs r1, cpsr
    ldr r2, =probe_saved_cpsr
    str r1, [r2]
    mov r1, sp
    ldr r2, =probe_sp_before
    str r1, [r2]
    cpsie if
    cmp r0, #1
    beq 1f
    bhi 2f
    load_sentinels
    str r1, [r0]                /* send the SGI */
    dsb sy
    isb
    b probe_back
1:  load_sentinels
    ldr r3, [r12]               /* a data abort: nothing at r12's address */
    b probe_back
2:  load_sentinels
    bx r12                      /* a prefetch abort at r12's address */
probe_back:
    cpsid if                    /* APSR's flags stay as they are */
    str r0, [sp, #-4]           /* below sp: no exception uses SYS mode's stack */
    ldr r0, =probe_got + 4
    stm r0, {r1-r12}
    str lr, [r0, #48]
    mrs r1, cpsr
    str r1, [r0, #52]
    ldr r1, [sp, #-4]
    str r1, [r0, #-4]
    mov r1, sp
    ldr r0, =probe_sp_after
    str r1, [r0]
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
