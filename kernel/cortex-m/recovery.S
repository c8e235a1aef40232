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

    .globl exception_unwind
    .type exception_unwind, %function
    .thumb_func
exception_unwind:
    /* Entered by HardFault's exception return into the exception whose entry
       faulted (one level of Handler mode above Thread mode). An exception
       return with EXC_RETURN 0xFFFFFFF9 (Thread mode, MSP; B1.5.8) ends it:
       build the frame it pops where the recovery point's SP will be, with
       PC = recovery_resume and xPSR.T set, so the CPU unstacks into it. */
    movw r1, #:lower16:active_recovery
    movt r1, #:upper16:active_recovery
    ldr r0, [r1]
    ldr r1, [r0, #32]           /* the recovery point's SP: 8-byte aligned, no padding */
    subs r1, r1, #32            /* r0-r3, r12, lr, pc, xPSR */
    movw r2, #:lower16:recovery_resume
    movt r2, #:upper16:recovery_resume
    str r2, [r1, #24]
    mov r2, #0x01000000         /* xPSR.T */
    str r2, [r1, #28]
    mov sp, r1
    mvn lr, #6                  /* 0xFFFFFFF9 */
    bx lr
    .size exception_unwind, . - exception_unwind
