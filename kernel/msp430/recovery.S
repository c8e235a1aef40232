/* Recovery points for kernel/recovery.h: setjmp and longjmp.
 *
 * struct recovery, 2-byte slots: 0-6 r4-r10 (callee-saved, MSP430 EABI),
 * 7 sp after return, 8 return address, 9 SR. No MSP430 trap recovers today
 * (the CPU has no faults), but the shell arms one around every trap.
 */
    .section .text.recovery, "ax"
    .globl recovery_arm
    .type recovery_arm, @function
recovery_arm:                   ; r12 = struct recovery *
    mov r4, 0(r12)
    mov r5, 2(r12)
    mov r6, 4(r12)
    mov r7, 6(r12)
    mov r8, 8(r12)
    mov r9, 10(r12)
    mov r10, 12(r12)
    mov r1, r13
    incd r13
    mov r13, 14(r12)            ; sp as the caller will have it
    mov @r1, 16(r12)            ; return address
    mov r2, 18(r12)
    mov r12, &active_recovery
    clr r12                     ; first return: 0, armed
    ret
    .size recovery_arm, . - recovery_arm

    .globl recovery_resume
    .type recovery_resume, @function
recovery_resume:
    mov &active_recovery, r12
    clr &active_recovery
    mov 0(r12), r4
    mov 2(r12), r5
    mov 4(r12), r6
    mov 6(r12), r7
    mov 8(r12), r8
    mov 10(r12), r9
    mov 12(r12), r10
    mov 14(r12), r1
    mov 16(r12), r13
    mov 18(r12), r2
    mov #1, r12                 ; second return: 1, recovered
    br r13
    .size recovery_resume, . - recovery_resume
