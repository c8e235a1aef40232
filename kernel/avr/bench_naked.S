/* The hand-written minimum for a bench handler (kernel/bench.h): the CPU
 * saves nothing but the return PC, so the one register used and SREG (SUBI
 * and SBCI change its flags) are saved here. bench_counter is 4 bytes, one
 * register walks them: SUBI 0xff adds 1 and leaves the borrow C set unless
 * the byte wrapped; each SBCI 0xff adds 1 - C, the carry from the byte below
 * (LDS and STS leave the flags alone). avr-gcc's own +1 is the same idiom. */
#include <avr/io.h>

    .section .text.bench_naked, "ax", @progbits
    .globl bench_naked
    .type bench_naked, @function
bench_naked:
    push r24
    in r24, _SFR_IO_ADDR(SREG)
    push r24
    lds r24, bench_counter
    subi r24, 0xff
    sts bench_counter, r24
    lds r24, bench_counter + 1
    sbci r24, 0xff
    sts bench_counter + 1, r24
    lds r24, bench_counter + 2
    sbci r24, 0xff
    sts bench_counter + 2, r24
    lds r24, bench_counter + 3
    sbci r24, 0xff
    sts bench_counter + 3, r24
    pop r24
    out _SFR_IO_ADDR(SREG), r24
    pop r24
    reti
    .size bench_naked, . - bench_naked
