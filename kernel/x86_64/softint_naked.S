/* A `naked` handler: isr/x86_64.py points vector 0x43 straight here, and the
 * generator only wires and keeps it. Everything a stub would do is ours: save
 * what the C call may clobber, keep the stack aligned, return with IRETQ. */
    .section .text.soft_naked_entry, "ax"
    .globl soft_naked_entry
    .type soft_naked_entry, @function
soft_naked_entry:
    /* The CPU pushed 5 words onto a 16-aligned RSP: RSP % 16 == 8 here. */
    pushq %rax
    pushq %rcx
    pushq %rdx
    pushq %rsi
    pushq %rdi
    pushq %r8
    pushq %r9
    pushq %r10
    pushq %r11                  /* 9 caller-saved registers: RSP % 16 == 0 */
    leaq 72(%rsp), %rdi         /* the CPU's frame, above the 9 saved registers */
    cld
    call soft_naked_report
    popq %r11
    popq %r10
    popq %r9
    popq %r8
    popq %rdi
    popq %rsi
    popq %rdx
    popq %rcx
    popq %rax
    iretq
    .size soft_naked_entry, . - soft_naked_entry
