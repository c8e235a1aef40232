/* AArch64 entry: QEMU virt's -kernel loads this ELF at its addresses and
 * starts at _start with the MMU off, at EL1 (EL2 with -M virt,virtualization=on).
 * From there to kmain: drop to EL1 if needed, a known SCTLR_EL1, SP_EL1 on
 * the boot stack, BSS cleared. */
    .section .text.boot, "ax"
    .globl _start
    .type _start, %function
_start:
    msr daifset, #0xf
    mrs x0, currentel
    lsr x0, x0, #2              /* CurrentEL.EL is bits 3:2 */
    cmp x0, #2
    b.ne el1
    /* EL2 (D17.2 HCR_EL2, CNTHCTL_EL2): EL1 runs AArch64 (HCR_EL2.RW, bit 31)
       and may use the physical timer and counter (CNTHCTL_EL2.EL1PCEN,
       EL1PCTEN, bits 1:0); no virtual offset. Then ERET to EL1h, all masked. */
    mov x0, #(1 << 31)
    msr hcr_el2, x0
    mrs x0, cnthctl_el2
    orr x0, x0, #3
    msr cnthctl_el2, x0
    msr cntvoff_el2, xzr
    mov x0, #0x3c5              /* SPSR: D, A, I, F masked, M = 0b0101 EL1h */
    msr spsr_el2, x0
    adr x0, el1
    msr elr_el2, x0
    eret
el1:
    /* SCTLR_EL1: only its RES1 bits (29, 28, 23, 22, 20, 11): MMU, caches
       and alignment checks off. With the MMU off every data access is Device
       memory, where an unaligned access faults: hence -mstrict-align. */
    ldr x0, =0x30d00800
    msr sctlr_el1, x0
    isb
    msr spsel, #1
    ldr x0, =boot_stack_top
    mov sp, x0
    ldr x0, =__bss_start
    ldr x1, =__bss_end
1:  cmp x0, x1
    b.hs 2f
    str xzr, [x0], #8
    b 1b
2:  bl kmain
3:  wfi
    b 3b
    .size _start, . - _start

    .section .bss.boot_stack, "aw", %nobits
    .balign 16
    .space 16384
    .globl boot_stack_top
boot_stack_top:
