/* Recovery points for kernel/recovery.h: setjmp and longjmp, reached by an
 * exception return.
 *
 * struct recovery, 4-byte slots: 0-7 r4-r11 (the AAPCS callee-saved
 * registers), 8 sp, 9 return address, 10 PRIMASK.
 */
    .syntax unified
    .thumb
    .section .text.recovery, "ax"
    .globl recovery_arm
    .type recovery_arm, %function
    .thumb_func
recovery_arm:
    stm r0, {r4-r11}
    mov r1, sp
    str r1, [r0, #32]
    str lr, [r0, #36]
    mrs r1, primask
    str r1, [r0, #40]
    movw r1, #:lower16:active_recovery
    movt r1, #:upper16:active_recovery
    str r0, [r1]
    movs r0, #0                 /* first return: 0, armed */
    bx lr
    .size recovery_arm, . - recovery_arm

    .globl recovery_resume
    .type recovery_resume, %function
    .thumb_func
recovery_resume:
    /* Entered in Thread mode by a fault handler's exception return, on the
       stack the fault left behind: touch no stack until SP is restored. */
    movw r1, #:lower16:active_recovery
    movt r1, #:upper16:active_recovery
    ldr r0, [r1]
    movs r2, #0
    str r2, [r1]
    ldm r0, {r4-r11}
    ldr r1, [r0, #32]
    mov sp, r1
    ldr r1, [r0, #40]
    msr primask, r1             /* as at arming time: a forced HardFault left it set */
    ldr lr, [r0, #36]
    movs r0, #1                 /* second return: 1, recovered */
    bx lr
    .size recovery_resume, . - recovery_resume
