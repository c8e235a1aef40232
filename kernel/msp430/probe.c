/* msp430 probes (kernel/probe.h): probe.S loads r4-r15 and the SR flags with
 * the sentinels below, lets the pending bench vector in, and reports every
 * one back, SP before and after, and that the handler ran once. The CPU has
 * no faults to probe (docs/arches/msp430.md). */
#include <stdint.h>

#include "bench.h"
#include "host.h"
#include "isr.h"
#include "mcu.h"
#include "probe.h"
#include "timer_a.h"
#include "watchdog.h"

#define REGISTERS 13            /* r4-r15, SR */
#define SR_SENTINEL 0x0105      /* V, N and C set, Z clear; GIE and the low-power bits clear */

void probe_run(void);           /* probe.S */

uint16_t probe_want[REGISTERS];
uint16_t probe_got[REGISTERS];
uint16_t probe_sp_before, probe_sp_after;

static const char *const names[REGISTERS] = {
    "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "sr",
};

bool arch_probe_vector(unsigned vector, const char **why)
{
    if (vector < ISR_IRQ_BASE || vector >= ISR_RESET_VECTOR) {
        *why = "not an interrupt of this part the tracer can raise";
        return false;
    }
    for (unsigned i = 0; i < REGISTERS - 1; i++)
        probe_want[i] = (uint16_t)(0x5e00 | (i + 4) << 4 | (i + 4));
    probe_want[REGISTERS - 1] = SR_SENTINEL;
    unsigned long before = bench_counter;
    dint();
    timer_a_irq_enable(0);
    watchdog_irq_enable(0);
    msp430_host_request(HOST_TRIGGER, (uint16_t)(vector - ISR_IRQ_BASE), 0);
    probe_run();
    watchdog_irq_enable(1);
    timer_a_irq_enable(1);
    eint();
    for (unsigned i = 0; i < REGISTERS; i++)
        probe_check(names[i], probe_got[i] == probe_want[i], probe_want[i], probe_got[i]);
    probe_check("taken", bench_counter == before + 1, 1, bench_counter - before);
    probe_check("sp", probe_sp_after == probe_sp_before, probe_sp_before, probe_sp_after);
    return true;
}
