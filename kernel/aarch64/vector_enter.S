/* void vector_enter(uintptr_t entry): take an exception by hand, as the CPU
 * does on IRQ or FIQ (Arm ARM D1.10.1): SPSR_EL1 = PSTATE, ELR_EL1 = the
 * return address, D, A, I and F masked, then jump to the VBAR_EL1 entry. Its
 * ERET lands at 1: with every register as the stub saved it, x30 included. */
    .section .text.vector_enter, "ax"
    .globl vector_enter
    .type vector_enter, %function
vector_enter:
    mrs x2, daif                /* PSTATE.DAIF before masking: what ERET restores */
    msr daifset, #0xf           /* mask first: an IRQ now would overwrite ELR/SPSR */
    mov x3, #0x5                /* SPSR.M[3:0] = 0b0101: return to EL1h */
    orr x2, x2, x3
    msr spsr_el1, x2
    adr x1, 1f
    msr elr_el1, x1
    br x0
1:  ret
    .size vector_enter, . - vector_enter
