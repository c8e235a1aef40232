/* __aeabi_uldivmod (ARM RTABI 4.3.1): numerator in r0:r1, denominator in
 * r2:r3; returns the quotient in r0:r1 and the remainder in r2:r3, a pair
 * that C cannot return, so this shim calls udivmod64 (udivmod.c). */
    .syntax unified
    .thumb
    .section .text.__aeabi_uldivmod, "ax"
    .globl __aeabi_uldivmod
    .type __aeabi_uldivmod, %function
    .thumb_func
__aeabi_uldivmod:
    push {r4, lr}
    sub sp, #16                 /* [sp] = rem pointer (5th argument), [sp+8] = rem */
    add r4, sp, #8
    str r4, [sp]
    bl udivmod64
    ldrd r2, r3, [sp, #8]
    add sp, #16
    pop {r4, pc}
    .size __aeabi_uldivmod, . - __aeabi_uldivmod
