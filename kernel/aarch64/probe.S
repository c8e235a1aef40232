/* probe_run(kind) (kernel/aarch64/probe.c): with x0-x30 and NZCV holding
 * their sentinels from probe_want, raise (kind 0: the store to GICD_SGIR
 * whose address and value are x0's and x1's sentinels, with IRQs unmasked),
 * or make a data abort (1: a load from x2's sentinel, an address nothing
 * decodes), whose handler must resume at probe_back. Then store them all in
 * probe_got, and sp before and after. tpidr_el1 keeps x30 while x30 is the
 * base. */
    .macro load_sentinels
    adrp x30, probe_want
    add x30, x30, :lo12:probe_want
    ldr x0, [x30, #248]
    msr nzcv, x0
    ldp x0, x1, [x30, #0]
    ldp x2, x3, [x30, #16]
    ldp x4, x5, [x30, #32]
    ldp x6, x7, [x30, #48]
    ldp x8, x9, [x30, #64]
    ldp x10, x11, [x30, #80]
    ldp x12, x13, [x30, #96]
    ldp x14, x15, [x30, #112]
    ldp x16, x17, [x30, #128]
    ldp x18, x19, [x30, #144]
    ldp x20, x21, [x30, #160]
    ldp x22, x23, [x30, #176]
    ldp x24, x25, [x30, #192]
    ldp x26, x27, [x30, #208]
    ldp x28, x29, [x30, #224]
    ldr x30, [x30, #240]
    .endm

    .section .text.probe_run, "ax"
    .globl probe_run, probe_back
    .type probe_run, %function
probe_run:
    stp x29, x30, [sp, #-96]!
    stp x19, x20, [sp, #16]
    stp x21, x22, [sp, #32]
    stp x23, x24, [sp, #48]
    stp x25, x26, [sp, #64]
    stp x27, x28, [sp, #80]
    mrs x1, daif
    adrp x2, probe_saved_daif
    str x1, [x2, :lo12:probe_saved_daif]
    mov x1, sp
    adrp x2, probe_sp_before
    str x1, [x2, :lo12:probe_sp_before]
    cbnz x0, 1f
    load_sentinels
    msr daifclr, #2             /* IRQ: GICC_PMR lets only the SGI through */
    str w1, [x0]
    dsb sy
    isb
    b probe_back
1:  load_sentinels
    ldr x3, [x2]                /* a data abort: nothing at x2's address */
probe_back:
    msr daifset, #2
    msr tpidr_el1, x30
    adrp x30, probe_got
    add x30, x30, :lo12:probe_got
    stp x0, x1, [x30, #0]
    stp x2, x3, [x30, #16]
    stp x4, x5, [x30, #32]
    stp x6, x7, [x30, #48]
    stp x8, x9, [x30, #64]
    stp x10, x11, [x30, #80]
    stp x12, x13, [x30, #96]
    stp x14, x15, [x30, #112]
    stp x16, x17, [x30, #128]
    stp x18, x19, [x30, #144]
    stp x20, x21, [x30, #160]
    stp x22, x23, [x30, #176]
    stp x24, x25, [x30, #192]
    stp x26, x27, [x30, #208]
    stp x28, x29, [x30, #224]
    mrs x0, tpidr_el1
    str x0, [x30, #240]
    mrs x0, nzcv
    str x0, [x30, #248]
    mov x0, sp
    adrp x1, probe_sp_after
    str x0, [x1, :lo12:probe_sp_after]
    adrp x1, probe_saved_daif
    ldr x0, [x1, :lo12:probe_saved_daif]
    msr daif, x0
    ldp x19, x20, [sp, #16]
    ldp x21, x22, [sp, #32]
    ldp x23, x24, [sp, #48]
    ldp x25, x26, [sp, #64]
    ldp x27, x28, [sp, #80]
    ldp x29, x30, [sp], #96
    ret
    .size probe_run, . - probe_run

    .section .bss.probe_run, "aw", %nobits
    .balign 8
probe_saved_daif:
    .quad 0
