/* The 64-bit EABI helpers (TI SLAA534, 6.3): one operand in r8-r11, the other
 * in r12-r15, low word first; the result in r12-r15. Each shim puts the
 * second C argument on the stack (low word lowest, just above the return
 * address, as the C convention passes a 64-bit argument that no longer fits
 * in registers) and calls the C code in mspabi.c. */
    .section .text.__mspabi_mpyll, "ax"
    .globl __mspabi_mpyll
    .type __mspabi_mpyll, @function
__mspabi_mpyll:                 ; r12-r15 * r8-r11
    push r11
    push r10
    push r9
    push r8
    call #msp430_mul64
    add #8, r1
    ret
    .size __mspabi_mpyll, . - __mspabi_mpyll

    .section .text.__mspabi_divull, "ax"
    .globl __mspabi_divull
    .type __mspabi_divull, @function
__mspabi_divull:                ; r8-r11 / r12-r15
    push r15
    push r14
    push r13
    push r12
    mov r8, r12
    mov r9, r13
    mov r10, r14
    mov r11, r15
    call #msp430_udiv64
    add #8, r1
    ret
    .size __mspabi_divull, . - __mspabi_divull

    .section .text.__mspabi_remull, "ax"
    .globl __mspabi_remull
    .type __mspabi_remull, @function
__mspabi_remull:                ; r8-r11 % r12-r15
    push r15
    push r14
    push r13
    push r12
    mov r8, r12
    mov r9, r13
    mov r10, r14
    mov r11, r15
    call #msp430_urem64
    add #8, r1
    ret
    .size __mspabi_remull, . - __mspabi_remull
