/* probe_run(bits, fault) (kernel/riscv64/probe.c): with x1 and x3-x31
 * holding their sentinels from probe_want (a0's is `bits`, the mip bit of the
 * cause probe.c made pending with MIE clear), raise: set MIE, which lets the
 * pending cause in at once (a CSR write ends QEMU's block), when fault is 0; else the
 * store (PROBE_STORE) or load fault below, whose handler must resume at
 * probe_back; then store every register in probe_got, and sp before and
 * after in probe_sp_before/after. mscratch keeps t6 while t6 is the base. */
#define PROBE_STORE 1
    .section .text.probe_run, "ax"
    .globl probe_run
    .type probe_run, @function
    .balign 4
probe_run:
    addi sp, sp, -128
    sd ra, 0(sp)
    sd gp, 8(sp)
    sd tp, 16(sp)
    sd s0, 24(sp)
    sd s1, 32(sp)
    sd s2, 40(sp)
    sd s3, 48(sp)
    sd s4, 56(sp)
    sd s5, 64(sp)
    sd s6, 72(sp)
    sd s7, 80(sp)
    sd s8, 88(sp)
    sd s9, 96(sp)
    sd s10, 104(sp)
    sd s11, 112(sp)
    lla t0, probe_target
    sd a1, 0(t0)                /* 0, PROBE_STORE or PROBE_LOAD */
    lla t0, probe_sp_before
    sd sp, 0(t0)
    lla t6, probe_want
    ld x1, 0(t6)
    ld x3, 8(t6)
    ld x4, 16(t6)
    ld x5, 24(t6)
    ld x6, 32(t6)
    ld x7, 40(t6)
    ld x8, 48(t6)
    ld x9, 56(t6)
    ld x10, 64(t6)
    ld x11, 72(t6)
    ld x12, 80(t6)
    ld x13, 88(t6)
    ld x14, 96(t6)
    ld x15, 104(t6)
    ld x16, 112(t6)
    ld x17, 120(t6)
    ld x18, 128(t6)
    ld x19, 136(t6)
    ld x20, 144(t6)
    ld x21, 152(t6)
    ld x22, 160(t6)
    ld x23, 168(t6)
    ld x24, 176(t6)
    ld x25, 184(t6)
    ld x26, 192(t6)
    ld x27, 200(t6)
    ld x28, 208(t6)
    ld x29, 216(t6)
    ld x30, 224(t6)
    csrw mscratch, t6           /* t6 = probe_want until its own sentinel goes in */
    lla t6, probe_target
    ld t6, 0(t6)
    bnez t6, 1f
    csrr t6, mscratch
    ld x31, 232(t6)
    csrsi mstatus, 8            /* MIE: mie holds only the probed cause, already pending */
    csrci mstatus, 8
    j probe_back
1:  addi t6, t6, -PROBE_STORE
    bnez t6, 2f
    csrr t6, mscratch
    ld x31, 232(t6)
    .globl probe_store_fault
probe_store_fault:
    sd zero, 0(s11)             /* s11's sentinel: an address with no device */
    j probe_back
2:  csrr t6, mscratch
    ld x31, 232(t6)
    .globl probe_load_fault
probe_load_fault:
    ld zero, 0(s10)             /* s10's sentinel: the same, for a load */
    j probe_back
    .globl probe_back
probe_back:
    csrw mscratch, t6
    lla t6, probe_got
    sd x1, 0(t6)
    sd x3, 8(t6)
    sd x4, 16(t6)
    sd x5, 24(t6)
    sd x6, 32(t6)
    sd x7, 40(t6)
    sd x8, 48(t6)
    sd x9, 56(t6)
    sd x10, 64(t6)
    sd x11, 72(t6)
    sd x12, 80(t6)
    sd x13, 88(t6)
    sd x14, 96(t6)
    sd x15, 104(t6)
    sd x16, 112(t6)
    sd x17, 120(t6)
    sd x18, 128(t6)
    sd x19, 136(t6)
    sd x20, 144(t6)
    sd x21, 152(t6)
    sd x22, 160(t6)
    sd x23, 168(t6)
    sd x24, 176(t6)
    sd x25, 184(t6)
    sd x26, 192(t6)
    sd x27, 200(t6)
    sd x28, 208(t6)
    sd x29, 216(t6)
    sd x30, 224(t6)
    csrr t5, mscratch
    sd t5, 232(t6)
    lla t6, probe_sp_after
    sd sp, 0(t6)
    ld ra, 0(sp)
    ld gp, 8(sp)
    ld tp, 16(sp)
    ld s0, 24(sp)
    ld s1, 32(sp)
    ld s2, 40(sp)
    ld s3, 48(sp)
    ld s4, 56(sp)
    ld s5, 64(sp)
    ld s6, 72(sp)
    ld s7, 80(sp)
    ld s8, 88(sp)
    ld s9, 96(sp)
    ld s10, 104(sp)
    ld s11, 112(sp)
    addi sp, sp, 128
    ret
    .size probe_run, . - probe_run

    .section .bss.probe_run, "aw", @nobits
    .balign 8
probe_target:
    .quad 0
