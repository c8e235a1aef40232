/* The measured window (kernel/riscv64/bench.c), entered with mstatus.MIE
 * clear, mie holding only the bench cause and that cause already pending (or
 * nothing, for the empty window). Setting MIE lets it in: a CSR write ends
 * QEMU's translation block, so the hart takes it right after that one
 * instruction, and mret comes back to bench_window_end. The same window for
 * every cause, whether mip or the CLINT's msip made it pending. */
    .section .text.bench_window, "ax"
    .globl bench_window, bench_window_begin, bench_window_end
    .type bench_window, @function
bench_window:
bench_window_begin:
    csrsi mstatus, 8            /* MIE */
bench_window_end:
    csrci mstatus, 8
    ret
    .size bench_window, . - bench_window
