/* Bench handlers (isr/msp430.py, bench=) and their measured window.
 *
 * The MSP430 has no software interrupt: the launcher raises vector N with the
 * simulator's tracer (`trigger`, qemu/mspdebug_sim.py), as `int` does. `bench
 * N` asks for it with GIE clear, so it waits pending, and the window
 * (bench_window.S) opens at the EINT that lets it in. The Timer_A tick and the
 * watchdog are masked meanwhile: a pending one of higher priority (a higher
 * vector) would be taken first. The launcher counts the window's instructions
 * with the tracer between two breakpoints (reports/cost.py). */
#include <stdint.h>

#include "bench.h"
#include "host.h"
#include "isr.h"
#include "mcu.h"
#include "timer_a.h"
#include "watchdog.h"

void bench_window(void);        /* bench_window.S */

static void run(int vector)
{
    dint();
    timer_a_irq_enable(0);
    watchdog_irq_enable(0);
    if (vector >= 0)
        msp430_host_request(HOST_TRIGGER, (uint16_t)(vector - ISR_IRQ_BASE), 0);
    bench_window();
    watchdog_irq_enable(1);
    timer_a_irq_enable(1);
    eint();
}

bool arch_bench_raise(unsigned vector, const char **why)
{
    if (vector < ISR_IRQ_BASE || vector >= ISR_RESET_VECTOR) {
        *why = "not an interrupt of this part the tracer can raise";
        return false;
    }
    run((int)vector);
    return true;
}

void arch_bench_empty(void)
{
    run(-1);
}
