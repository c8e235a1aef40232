/* From reset to kmain on the MSP430F1611.
 *
 * At reset (PUC) the CPU loads PC from 0xFFFE (table word 63) with SR = 0:
 * interrupts off, full power. The watchdog starts running in reset mode and
 * would reset the part after 32768 SMCLK cycles (SLAU049 10.2.5), so it is
 * held first. Then SP, .data from its flash image, BSS, and kmain.
 */
    .section .text.reset_entry, "ax"
    .globl reset_entry
    .type reset_entry, @function
reset_entry:
    mov #0x5a80, &__WDTCTL      ; WDTPW (0x5a00) | WDTHOLD (0x80): stop the watchdog
    mov #__stack_top, r1
    mov #__data_load, r12
    mov #__data_start, r13
1:  cmp #__data_end, r13
    jhs 2f
    mov @r12+, r14
    mov r14, 0(r13)
    incd r13
    jmp 1b
2:  mov #__bss_start, r13
3:  cmp #__bss_end, r13
    jhs 4f
    clr 0(r13)
    incd r13
    jmp 3b
4:  call #kmain
    jmp .                       ; kmain never returns
    .size reset_entry, . - reset_entry
