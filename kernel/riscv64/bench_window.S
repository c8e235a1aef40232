/* The measured window (kernel/riscv64/bench.c): a0 = the mip bits to set,
 * 0 for the empty window. `csrs mip` ends QEMU's translation block, so the
 * interrupt is taken before bench_window_end, where mret comes back. */
    .section .text.bench_raise_mip, "ax"
    .globl bench_raise_mip, bench_window_begin, bench_window_end
    .type bench_raise_mip, @function
bench_raise_mip:
    csrsi mstatus, 8            /* MIE: mie holds only the bench cause */
bench_window_begin:
    csrs mip, a0
bench_window_end:
    csrci mstatus, 8
    ret
    .size bench_raise_mip, . - bench_raise_mip
