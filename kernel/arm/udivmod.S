/* __aeabi_uldivmod (ARM RTABI 4.3.1): numerator in r0:r1, denominator in
 * r2:r3; returns the quotient in r0:r1 and the remainder in r2:r3, a pair
 * that C cannot return, so this shim calls udivmod64 (udivmod.c) with a
 * pointer to a stack slot for the remainder. Unified syntax and no .arm or
 * .thumb: it assembles in the arch's own instruction set (Thumb-2 on
 * cortex-m, ARM on arm32), and %function marks a Thumb entry as such. */
    .syntax unified
    .section .text.__aeabi_uldivmod, "ax"
    .globl __aeabi_uldivmod
    .type __aeabi_uldivmod, %function
__aeabi_uldivmod:
    push {r4, lr}
    sub sp, sp, #16             /* [sp] = the remainder pointer (5th argument), [sp+8] = remainder */
    add r4, sp, #8
    str r4, [sp]
    bl udivmod64
    ldrd r2, r3, [sp, #8]
    add sp, sp, #16
    pop {r4, pc}
    .size __aeabi_uldivmod, . - __aeabi_uldivmod
