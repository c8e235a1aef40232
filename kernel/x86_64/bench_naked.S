/* The hand-written minimum for a bench handler (kernel/bench.h): the CPU
 * saved RIP, CS, RFLAGS, RSP and SS; a memory increment touches no register
 * but RFLAGS, which IRETQ restores. Two instructions. */
    .section .text.bench_naked, "ax"
    .globl bench_naked
    .type bench_naked, @function
bench_naked:
    incq bench_counter(%rip)
    iretq
    .size bench_naked, . - bench_naked

/* The empty window, the baseline: shaped like a swint_table entry, with a
 * two-byte nop where `int $N` would be. */
    .section .text.bench_empty, "ax"
    .globl bench_empty_begin, bench_empty_end
    .type bench_empty_begin, @function
bench_empty_begin:
    xchg %ax, %ax
bench_empty_end:
    ret
    .size bench_empty_begin, . - bench_empty_begin
