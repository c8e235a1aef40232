/* A `naked` GIC handler: isr/arm32.py gives SGI 2 this assembly function,
 * which the IRQ entry calls under AAPCS with r0 = struct gic_irq *; the
 * generator only lists and keeps it. A tail call is all it needs. */
    .arm
    .section .text.sgi_naked_entry, "ax"
    .globl sgi_naked_entry
    .type sgi_naked_entry, %function
sgi_naked_entry:
    b sgi_naked_report
    .size sgi_naked_entry, . - sgi_naked_entry
