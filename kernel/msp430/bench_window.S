/* The measured window (kernel/msp430/bench.c), entered with GIE clear and the
 * bench vector pending (or nothing, for the empty window). EINT lets it in;
 * the CPU takes it after the instruction that follows EINT, so that one is a
 * NOP, and the handler returns to bench_window_end (or, on a simulator that
 * takes it at once, to the NOP). Returns with GIE clear. */
    .section .text.bench_window, "ax"
    .globl bench_window, bench_window_begin, bench_window_end
    .type bench_window, @function
bench_window:
bench_window_begin:
    eint
    nop
bench_window_end:
    dint
    nop
    ret
    .size bench_window, . - bench_window
