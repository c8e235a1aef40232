/* Recovery points for kernel/recovery.h: setjmp and longjmp, reached by mret.
 *
 * struct recovery, 8-byte slots: 0 ra (where recovery_arm returns), 1 sp,
 * 2-13 s0-s11 (the psABI's callee-saved registers), 14 mstatus at arming
 * time (its MIE bit is restored).
 */
#define MSTATUS_MIE 8

    .section .text.recovery, "ax"
    .globl recovery_arm
    .type recovery_arm, @function
recovery_arm:
    sd ra, 0(a0)
    sd sp, 8(a0)
    sd s0, 16(a0)
    sd s1, 24(a0)
    sd s2, 32(a0)
    sd s3, 40(a0)
    sd s4, 48(a0)
    sd s5, 56(a0)
    sd s6, 64(a0)
    sd s7, 72(a0)
    sd s8, 80(a0)
    sd s9, 88(a0)
    sd s10, 96(a0)
    sd s11, 104(a0)
    csrr t0, mstatus
    sd t0, 112(a0)
    lla t0, active_recovery
    sd a0, 0(t0)
    li a0, 0                    /* first return: 0, armed */
    ret
    .size recovery_arm, . - recovery_arm

    .globl recovery_resume
    .type recovery_resume, @function
recovery_resume:
    /* Entered by a handler's mret in M-mode with MIE clear, on whatever stack
       the trap left (the user task's, for a U-mode fault): touch no stack until
       sp is restored. */
    lla t0, active_recovery
    ld a0, 0(t0)
    sd zero, 0(t0)
    ld ra, 0(a0)
    ld sp, 8(a0)
    ld s0, 16(a0)
    ld s1, 24(a0)
    ld s2, 32(a0)
    ld s3, 40(a0)
    ld s4, 48(a0)
    ld s5, 56(a0)
    ld s6, 64(a0)
    ld s7, 72(a0)
    ld s8, 80(a0)
    ld s9, 88(a0)
    ld s10, 96(a0)
    ld s11, 104(a0)
    ld t0, 112(a0)
    andi t0, t0, MSTATUS_MIE
    csrs mstatus, t0            /* interrupts back on if they were at arming time */
    li a0, 1                    /* second return: 1, recovered */
    ret
    .size recovery_resume, . - recovery_resume
