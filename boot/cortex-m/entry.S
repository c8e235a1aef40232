/* From reset to kmain on Cortex-M3.
 *
 * The CPU has already loaded SP from table word 0 (__stack_top) and PC from
 * word 1 (this function), in Thread mode, privileged, on the main stack
 * (ARMv7-M ARM B1.5.5). Only BSS is left to clear: QEMU's ELF loader has
 * written .data where it links.
 */
    .syntax unified
    .thumb
    .section .text.reset_entry, "ax"
    .globl reset_entry
    .type reset_entry, %function
    .thumb_func
reset_entry:
    cpsid i                     /* PRIMASK: no interrupts until arch_init is ready */
    movw r0, #:lower16:__bss_start
    movt r0, #:upper16:__bss_start
    movw r1, #:lower16:__bss_end
    movt r1, #:upper16:__bss_end
    movs r2, #0
1:  cmp r0, r1
    bhs 2f
    str r2, [r0], #4
    b 1b
2:  bl kmain
    b .                         /* kmain never returns */
    .size reset_entry, . - reset_entry
