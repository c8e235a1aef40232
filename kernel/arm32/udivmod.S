/* __aeabi_uldivmod (ARM RTABI 4.3.1): numerator in r0:r1, denominator in
 * r2:r3; the quotient comes back in r0:r1 and the remainder in r2:r3, a pair
 * that C cannot return, so this shim calls arm32_udivmod64 (udivmod.c) with
 * a pointer to a stack slot for the remainder. */
    .arm
    .section .text.__aeabi_uldivmod, "ax"
    .globl __aeabi_uldivmod
    .type __aeabi_uldivmod, %function
__aeabi_uldivmod:
    push {r4, lr}
    sub sp, sp, #16             /* [sp] = the remainder pointer (5th argument), [sp+8] = remainder */
    add r4, sp, #8
    str r4, [sp]
    bl arm32_udivmod64
    ldrd r2, r3, [sp, #8]
    add sp, sp, #16
    pop {r4, pc}
    .size __aeabi_uldivmod, . - __aeabi_uldivmod
