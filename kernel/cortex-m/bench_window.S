/* The measured window (kernel/cortex-m/bench.c): r0 = register, r1 = value,
 * entered with BASEPRI masking everything but the bench IRQ, and perhaps with
 * PRIMASK set (the shell runs so between interrupts). With r0 = NVIC_STIR the
 * store pends the IRQ; DSB completes it and ISB ends QEMU's translation
 * block, so the exception is taken before bench_window_end, where its
 * return lands. */
    .syntax unified
    .thumb
    .section .text.bench_raise_store, "ax"
    .globl bench_raise_store, bench_window_begin, bench_window_end
    .type bench_raise_store, %function
    .thumb_func
bench_raise_store:
    mrs r2, primask
    cpsie i
bench_window_begin:
    str r1, [r0]
    dsb
    isb
bench_window_end:
    msr primask, r2
    bx lr
    .size bench_raise_store, . - bench_raise_store
