/* Recovery points for kernel/recovery.h: setjmp and longjmp, reached by IRETQ.
 *
 * struct recovery, 8-byte slots: 0 rbx, 1 rbp, 2 r12, 3 r13, 4 r14, 5 r15
 * (the SysV callee-saved registers), 6 rsp after return, 7 return address,
 * 8 rflags.
 */
    .section .text.recovery, "ax"
    .globl recovery_arm
    .type recovery_arm, @function
recovery_arm:
    movq %rbx, 0(%rdi)
    movq %rbp, 8(%rdi)
    movq %r12, 16(%rdi)
    movq %r13, 24(%rdi)
    movq %r14, 32(%rdi)
    movq %r15, 40(%rdi)
    leaq 8(%rsp), %rax          /* the caller's RSP once this call has returned */
    movq %rax, 48(%rdi)
    movq (%rsp), %rax           /* the return address */
    movq %rax, 56(%rdi)
    pushfq
    popq 64(%rdi)
    movq %rdi, active_recovery(%rip)
    xorl %eax, %eax             /* first return: 0, armed */
    ret
    .size recovery_arm, . - recovery_arm

    .globl recovery_resume
    .type recovery_resume, @function
recovery_resume:
    /* Entered by a handler's IRETQ with IF and TF clear, on whatever stack the
       fault left behind, possibly an unmapped one (stack overflow): touch no
       stack until RSP is restored. */
    movq active_recovery(%rip), %rdi
    movq $0, active_recovery(%rip)
    movq 0(%rdi), %rbx
    movq 8(%rdi), %rbp
    movq 16(%rdi), %r12
    movq 24(%rdi), %r13
    movq 32(%rdi), %r14
    movq 40(%rdi), %r15
    movq 48(%rdi), %rsp
    pushq 64(%rdi)
    popfq                       /* the flags at arming time: interrupts back on */
    movl $1, %eax               /* second return: 1, recovered */
    jmpq *56(%rdi)
    .size recovery_resume, . - recovery_resume
