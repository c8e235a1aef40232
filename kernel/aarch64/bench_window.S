/* The measured window (kernel/aarch64/bench.c): x0 = register, w1 = value,
 * entered with IRQs masked (the shell's commands run so). With x0 = GICD_SGIR
 * the store sends the SGI; ISB ends QEMU's translation block, so the IRQ is
 * taken before bench_window_end, where ERET lands. */
    .section .text.bench_raise_store, "ax"
    .globl bench_raise_store, bench_window_begin, bench_window_end
    .type bench_raise_store, %function
bench_raise_store:
    mrs x2, daif
    msr daifclr, #2             /* IRQ unmasked: GICC_PMR lets only the SGI through */
bench_window_begin:
    str w1, [x0]
    dsb sy
    isb
bench_window_end:
    msr daif, x2
    ret
    .size bench_raise_store, . - bench_raise_store
