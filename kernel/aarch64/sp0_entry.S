/* A `naked` VBAR entry: isr/aarch64.py points EL1T_SYNC (synchronous
 * exception while SP_EL0 was selected) straight here, and the generator only
 * wires and keeps it. Everything a stub would do is ours: on SP_EL1 (the CPU
 * selects it on entry), save what the C call may clobber (x0-x18, x29, x30:
 * AAPCS64 caller-saved plus the frame record), pass ESR_EL1 and ELR_EL1, ERET. */
    .section .text.sp0_sync_entry, "ax"
    .globl sp0_sync_entry
    .type sp0_sync_entry, %function
sp0_sync_entry:
    sub sp, sp, #176            /* 21 registers, rounded up to keep SP 16-aligned */
    stp x0, x1, [sp, #0]
    stp x2, x3, [sp, #16]
    stp x4, x5, [sp, #32]
    stp x6, x7, [sp, #48]
    stp x8, x9, [sp, #64]
    stp x10, x11, [sp, #80]
    stp x12, x13, [sp, #96]
    stp x14, x15, [sp, #112]
    stp x16, x17, [sp, #128]
    stp x18, x29, [sp, #144]
    str x30, [sp, #160]
    mrs x0, esr_el1
    mrs x1, elr_el1
    bl sp0_sync_report          /* SVC: ELR_EL1 already points past it */
    ldp x0, x1, [sp, #0]
    ldp x2, x3, [sp, #16]
    ldp x4, x5, [sp, #32]
    ldp x6, x7, [sp, #48]
    ldp x8, x9, [sp, #64]
    ldp x10, x11, [sp, #80]
    ldp x12, x13, [sp, #96]
    ldp x14, x15, [sp, #112]
    ldp x16, x17, [sp, #128]
    ldp x18, x29, [sp, #144]
    ldr x30, [sp, #160]
    add sp, sp, #176
    eret
    .size sp0_sync_entry, . - sp0_sync_entry
