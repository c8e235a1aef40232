/* The measured window (kernel/avr/bench.c), entered with SREG.I clear and
 * the bench vector pending (or nothing, for the empty window). SEI lets it
 * in; QEMU 7.2 takes it only outside a translation block, and the load from
 * GPIOR0 (I/O page: QEMU leaves the block to redo it with I/O access) is
 * where it does. The interrupt returns to that load, and the window closes
 * after it. Returns with SREG.I clear again. */
#include <avr/io.h>

    .section .text.bench_window, "ax", @progbits
    .globl bench_window, bench_window_begin, bench_window_end
    .type bench_window, @function
bench_window:
bench_window_begin:
    sei
    lds r24, _SFR_MEM_ADDR(GPIOR0)
bench_window_end:
    cli
    ret
    .size bench_window, . - bench_window
