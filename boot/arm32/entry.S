/* arm32 entry: QEMU virt's -kernel loads this ELF at its addresses and starts
 * at _start in SVC mode (secure=off: non-secure PL1), MMU and caches off.
 * From there to kmain: a known SCTLR, a stack for every exception mode (each
 * banks its own SP, ARM DDI 0406C B1.3.2), the shell in SYS mode, BSS cleared.
 *
 * Why SYS: an SVC taken from SVC mode overwrites LR_svc, which the code
 * issuing it may still need; SYS shares the USR registers and no exception
 * enters it, so nothing an exception does touches the shell's SP or LR. */
    .arm
    .section .text.boot, "ax"
    .globl _start
    .type _start, %function
_start:
    cpsid if
    /* SCTLR (B4.1.130): V (bit 13) clear, so VBAR locates the vectors; TE
       (bit 30) clear, exceptions are taken in ARM state; M and C (bits 0, 2)
       clear, MMU and data cache off; A (bit 1) set: every unaligned access is
       an alignment fault (the compiler makes none: -mno-unaligned-access). */
    mrc p15, 0, r0, c1, c0, 0
    bic r0, r0, #(1 << 13)
    bic r0, r0, #(1 << 30)
    bic r0, r0, #0x5
    orr r0, r0, #0x2
    mcr p15, 0, r0, c1, c0, 0
    isb
    cps #0x11                   /* FIQ */
    ldr sp, =fiq_stack_top
    cps #0x12                   /* IRQ */
    ldr sp, =irq_stack_top
    cps #0x17                   /* ABT */
    ldr sp, =abt_stack_top
    cps #0x1b                   /* UND */
    ldr sp, =und_stack_top
    cps #0x13                   /* SVC */
    ldr sp, =svc_stack_top
    cps #0x1f                   /* SYS: the shell's mode from here on */
    ldr sp, =boot_stack_top
    ldr r0, =__bss_start
    ldr r1, =__bss_end
    mov r2, #0
1:  cmp r0, r1
    strlo r2, [r0], #4
    blo 1b
    bl kmain
2:  wfi
    b 2b
    .size _start, . - _start

/* One stack per mode, 8-byte aligned for AAPCS. Exception stacks are small:
   handlers report and return; the shell's SYS stack does the real work. */
    .macro STACK name, size
    .section .bss.\name, "aw", %nobits
    .balign 8
    .space \size
    .globl \name
\name:
    .endm
    STACK boot_stack_top, 16384
    STACK svc_stack_top, 4096
    STACK abt_stack_top, 4096
    STACK und_stack_top, 4096
    STACK irq_stack_top, 4096
    STACK fiq_stack_top, 4096
