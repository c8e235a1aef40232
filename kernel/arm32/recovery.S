/* Recovery points for kernel/recovery.h: setjmp and longjmp for the shell in SYS mode.
 *
 * struct recovery, 4-byte slots: 0-7 r4-r11 (the AAPCS callee-saved
 * registers), 8 sp, 9 lr (the return address), 10 CPSR (mode SYS and the
 * I/F masks at arming time).
 */
    .arm
    .section .text.recovery, "ax"
    .globl recovery_arm
    .type recovery_arm, %function
recovery_arm:
    stmia r0, {r4-r11}
    str sp, [r0, #32]
    str lr, [r0, #36]
    mrs r1, cpsr
    str r1, [r0, #40]
    ldr r1, =active_recovery
    str r0, [r1]
    mov r0, #0                  /* first return: 0, armed */
    bx lr
    .size recovery_arm, . - recovery_arm

    .globl recovery_resume
    .type recovery_resume, %function
recovery_resume:
    /* Entered by a stub's `movs pc, lr` in SYS mode with I and F masked
       (kernel/arm32/exceptions.c): the exception mode's stack is unwound. */
    ldr r1, =active_recovery
    ldr r0, [r1]
    mov r2, #0
    str r2, [r1]
    ldmia r0, {r4-r11}
    ldr sp, [r0, #32]
    ldr lr, [r0, #36]
    ldr r1, [r0, #40]
    msr cpsr_c, r1              /* the masks at arming time: interrupts back on */
    mov r0, #1                  /* second return: 1, recovered */
    bx lr
    .size recovery_resume, . - recovery_resume

    .globl recovery_escape
    .type recovery_escape, %function
recovery_escape:
    /* For a handler that cannot return (an abi handler has no frame to
       rewrite, and its kind's return would land somewhere useless): reset
       this mode's stack to its top, drop what the handler pushed, and go to
       recovery_resume in SYS mode with A, I and F masked, as a stub would. */
    mrs r0, cpsr
    and r0, r0, #0x1f
    cmp r0, #0x1b               /* UND */
    ldreq sp, =und_stack_top
    cmp r0, #0x17               /* ABT */
    ldreq sp, =abt_stack_top
    cmp r0, #0x13               /* SVC */
    ldreq sp, =svc_stack_top
    cpsid aif, #0x1f            /* to SYS */
    b recovery_resume
    .size recovery_escape, . - recovery_escape
