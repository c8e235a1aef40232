/* Bench handlers (isr/avr.py, bench=) and their measured window.
 *
 * The AVR has no software interrupt and QEMU 7.2 takes a pending interrupt
 * only when the CPU leaves its translation block for the main loop, which a
 * branch does not do. So `bench N` first makes the vector pending with SREG.I
 * clear (the device has raised it, nothing can take it), and the window
 * (bench_window.S) opens at the `sei` that lets it in; the next instruction
 * loads from the I/O page, which QEMU serves only after leaving the block:
 * there it takes the interrupt, which returns to that load. The empty window
 * runs the same two instructions with nothing pending.
 *
 * The one source the spec can spare is TIMER1 compare C (vector 19: `int`
 * refuses it, since QEMU 7.2 schedules compare C from OCR1B). Here that is
 * what raises it: OCR1C = 0 and OCR1B just ahead of TCNT1
 * (hw/timer/avr_timer16.c, avr_timer16_set_alarm). The tick (compare A on the
 * same timer) is masked meanwhile: it has the lower number, so it would be
 * taken first. */
#include <stdint.h>

#include "avr.h"
#include "bench.h"
#include "isr.h"
#include "string.h"
#include "timer1.h"

void bench_window(void);        /* bench_window.S */

void bench_abi_nonblocking(void)
{
    bench_counter++;
}

bool arch_bench_raise(unsigned vector, const char **why)
{
    if (vector != ISR_VEC_TIMER1_COMPC) {
        *why = "the bench raises only " NUMBER_TEXT(ISR_VEC_TIMER1_COMPC);      /* SRAM holds every string: keep it short */
        return false;
    }
    cli();
    timer1_bench_mask_tick();
    poll_interrupts();              /* a tick that was already pending runs now, outside the window */
    cli();
    timer1_bench_pend_compc();
    bench_window();
    timer1_bench_unmask_tick();
    return true;
}

void arch_bench_empty(void)
{
    cli();
    timer1_bench_mask_tick();
    poll_interrupts();
    cli();
    bench_window();
    timer1_bench_unmask_tick();
}
