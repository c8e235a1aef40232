/* Recovery points for kernel/recovery.h: setjmp and longjmp.
 *
 * struct recovery, bytes: 0-15 r2-r17 and 16-17 r28-r29 (avr-gcc's
 * call-saved registers), 18-19 SP, 20 SREG, 21-23 the 3-byte return address
 * (copied: by the time recovery_resume runs, the stack bytes under the saved
 * SP may have been reused). No AVR handler here needs it (the AVR has no
 * faults to recover from), but the shared shell arms one around every trap.
 */
#define SREG 0x3f
#define SPH 0x3e
#define SPL 0x3d

    .section .text.recovery, "ax", @progbits
    .global recovery_arm
    .type recovery_arm, @function
recovery_arm:
    movw r26, r24               /* X = the struct recovery */
    st X+, r2
    st X+, r3
    st X+, r4
    st X+, r5
    st X+, r6
    st X+, r7
    st X+, r8
    st X+, r9
    st X+, r10
    st X+, r11
    st X+, r12
    st X+, r13
    st X+, r14
    st X+, r15
    st X+, r16
    st X+, r17
    st X+, r28
    st X+, r29
    in r30, SPL
    in r31, SPH
    st X+, r30
    st X+, r31
    in r0, SREG
    st X+, r0
    ldd r0, Z+1                 /* the return address CALL pushed: high byte lowest */
    st X+, r0
    ldd r0, Z+2
    st X+, r0
    ldd r0, Z+3
    st X+, r0
    sts active_recovery, r24
    sts active_recovery + 1, r25
    clr r24                     /* first return: 0, armed */
    clr r25
    ret
    .size recovery_arm, . - recovery_arm

    .global recovery_resume
    .type recovery_resume, @function
recovery_resume:
    clr r1
    lds r26, active_recovery
    lds r27, active_recovery + 1
    sts active_recovery, r1
    sts active_recovery + 1, r1
    ld r2, X+
    ld r3, X+
    ld r4, X+
    ld r5, X+
    ld r6, X+
    ld r7, X+
    ld r8, X+
    ld r9, X+
    ld r10, X+
    ld r11, X+
    ld r12, X+
    ld r13, X+
    ld r14, X+
    ld r15, X+
    ld r16, X+
    ld r17, X+
    ld r28, X+
    ld r29, X+
    ld r30, X+
    ld r31, X+
    ld r19, X+                  /* SREG as at arming time */
    cli
    out SPH, r31
    out SPL, r30
    ld r0, X+
    std Z+1, r0
    ld r0, X+
    std Z+2, r0
    ld r0, X+
    std Z+3, r0
    out SREG, r19
    ldi r24, 1                  /* second return: 1, recovered */
    clr r25
    ret
    .size recovery_resume, . - recovery_resume
