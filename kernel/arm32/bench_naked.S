/* The hand-written minimum for a bench handler behind gic_irq or gic_fiq
 * (kernel/bench.h): called under AAPCS, so r0-r3 are free. */
    .arm
    .section .text.bench_naked, "ax"
    .globl bench_naked
    .type bench_naked, %function
bench_naked:
    movw r0, #:lower16:bench_counter
    movt r0, #:upper16:bench_counter
    ldr r1, [r0]
    add r1, r1, #1
    str r1, [r0]
    bx lr
    .size bench_naked, . - bench_naked
