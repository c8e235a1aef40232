/* The hand-written minimum for a bench handler (kernel/bench.h): two scratch
 * registers, saved on the interrupted stack, for the counter's address and
 * value; the acknowledge clears the mip bits software sets (bench.c). */
    .section .text.bench_naked, "ax"
    .globl bench_naked
    .type bench_naked, @function
    .balign 4
bench_naked:
    addi sp, sp, -16
    sd t0, 0(sp)
    sd t1, 8(sp)
1:  auipc t0, %pcrel_hi(bench_counter)
    ld t1, %pcrel_lo(1b)(t0)
    addi t1, t1, 1
    sd t1, %pcrel_lo(1b)(t0)
    li t1, 0x222                /* SSIP | STIP | SEIP */
    csrc mip, t1
    ld t0, 0(sp)
    ld t1, 8(sp)
    addi sp, sp, 16
    mret
    .size bench_naked, . - bench_naked
