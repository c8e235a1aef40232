/* A `naked` handler: isr/riscv64.py points interrupt cause 3 (the machine
 * software interrupt) straight at this entry, and the generator only wires and
 * keeps it. Everything a stub would do is ours: save what a C call may clobber
 * (the psABI's caller-saved registers), keep sp 16-byte aligned, return with mret. */
    .section .text.machine_soft_naked_entry, "ax"
    .globl machine_soft_naked_entry
    .type machine_soft_naked_entry, @function
    .balign 4
machine_soft_naked_entry:
    addi sp, sp, -128           /* 16 caller-saved registers, 8 bytes each */
    sd ra, 0(sp)
    sd t0, 8(sp)
    sd t1, 16(sp)
    sd t2, 24(sp)
    sd a0, 32(sp)
    sd a1, 40(sp)
    sd a2, 48(sp)
    sd a3, 56(sp)
    sd a4, 64(sp)
    sd a5, 72(sp)
    sd a6, 80(sp)
    sd a7, 88(sp)
    sd t3, 96(sp)
    sd t4, 104(sp)
    sd t5, 112(sp)
    sd t6, 120(sp)
    call machine_soft_report
    ld ra, 0(sp)
    ld t0, 8(sp)
    ld t1, 16(sp)
    ld t2, 24(sp)
    ld a0, 32(sp)
    ld a1, 40(sp)
    ld a2, 48(sp)
    ld a3, 56(sp)
    ld a4, 64(sp)
    ld a5, 72(sp)
    ld a6, 80(sp)
    ld a7, 88(sp)
    ld t3, 96(sp)
    ld t4, 104(sp)
    ld t5, 112(sp)
    ld t6, 120(sp)
    addi sp, sp, 128
    mret
    .size machine_soft_naked_entry, . - machine_soft_naked_entry
