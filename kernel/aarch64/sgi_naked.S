/* A `naked` GIC handler: isr/aarch64.py gives SGI 2 this assembly function,
 * which gic_dispatch calls under AAPCS64 with the trap frame in x0; the
 * generator only lists and keeps it. A tail call is all it needs. */
    .section .text.sgi_naked_entry, "ax"
    .globl sgi_naked_entry
    .type sgi_naked_entry, %function
sgi_naked_entry:
    b sgi_naked_report
    .size sgi_naked_entry, . - sgi_naked_entry
