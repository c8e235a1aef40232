/* void vector_enter(uintptr_t entry, uint32_t mode): take an IRQ or FIQ by
 * hand, as the CPU does (ARM DDI 0406C B1.8.3): from SYS mode, mask I and F,
 * switch to the exception's mode, SPSR = the CPSR to return to, LR = the
 * return address + 4 (the offset both IRQ and FIQ add), then jump to the VBAR
 * word. The entry's `subs pc, lr, #4` lands at 1: in SYS mode, CPSR as it was. */
    .arm
    .section .text.vector_enter, "ax"
    .globl vector_enter
    .type vector_enter, %function
vector_enter:
    push {r4, lr}
    mrs r4, cpsr                /* what the exception return restores */
    orr r2, r1, #0xc0           /* the target mode, I and F masked, ARM state */
    cpsid if                    /* mask first: a real IRQ now would clobber the SPSR we set */
    msr cpsr_c, r2
    msr spsr_cxsf, r4
    adr lr, 1f + 4
    bx r0
1:  pop {r4, pc}
    .size vector_enter, . - vector_enter
