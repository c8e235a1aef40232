/* Recovery points for kernel/recovery.h: setjmp and longjmp, reached by ERET.
 *
 * struct recovery, 8-byte slots: 0-9 x19-x28 (the AAPCS64 callee-saved
 * registers), 10 x29, 11 x30 (the return address), 12 sp, 13 DAIF.
 */
    .section .text.recovery, "ax"
    .globl recovery_arm
    .type recovery_arm, %function
recovery_arm:
    stp x19, x20, [x0, #0]
    stp x21, x22, [x0, #16]
    stp x23, x24, [x0, #32]
    stp x25, x26, [x0, #48]
    stp x27, x28, [x0, #64]
    stp x29, x30, [x0, #80]
    mov x1, sp
    mrs x2, daif
    stp x1, x2, [x0, #96]
    adrp x1, active_recovery
    str x0, [x1, :lo12:active_recovery]
    mov x0, #0                  /* first return: 0, armed */
    ret
    .size recovery_arm, . - recovery_arm

    .globl recovery_resume
    .type recovery_resume, %function
recovery_resume:
    /* Entered by a handler's ERET with DAIF masked (kernel/aarch64/exceptions.c). */
    adrp x1, active_recovery
    ldr x0, [x1, :lo12:active_recovery]
    str xzr, [x1, :lo12:active_recovery]
    ldp x19, x20, [x0, #0]
    ldp x21, x22, [x0, #16]
    ldp x23, x24, [x0, #32]
    ldp x25, x26, [x0, #48]
    ldp x27, x28, [x0, #64]
    ldp x29, x30, [x0, #80]
    ldp x1, x2, [x0, #96]
    mov sp, x1
    msr daif, x2                /* the mask at arming time: interrupts back on */
    mov x0, #1                  /* second return: 1, recovered */
    ret
    .size recovery_resume, . - recovery_resume
