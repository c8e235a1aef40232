/* The measured window (kernel/arm32/bench.c): r0 = register, r1 = value,
 * entered in SYS mode with GICC_PMR letting only the bench SGI through. With
 * r0 = GICD_SGIR the store sends the SGI; ISB ends QEMU's translation block,
 * so the IRQ or FIQ is taken before bench_window_end, where its return lands. */
    .arm
    .section .text.bench_raise_store, "ax"
    .globl bench_raise_store, bench_window_begin, bench_window_end
    .type bench_raise_store, %function
bench_raise_store:
    mrs r2, cpsr
    cpsie if                    /* IRQ and FIQ: GICC_PMR lets only the SGI through */
bench_window_begin:
    str r1, [r0]
    dsb sy
    isb
bench_window_end:
    msr cpsr_c, r2
    bx lr
    .size bench_raise_store, . - bench_raise_store
