/* `int N` on arm32. No instruction raises an arbitrary vector, so `int N`
 * does what software can:
 *   8-23 (SGI 0-15): SGI N - 8 to this CPU through GICD_SGIR, taken at the
 *        IRQ or the FIQ entry as the spec groups it (fiq=True: group 0, FIQ),
 *        acknowledged and ended like any other;
 *   6, 7 (IRQ, FIQ): software enters that VBAR word as the CPU would
 *        (vector_enter.S), so the entry finds nothing pending and the GIC
 *        answers spurious 1023;
 *   the other VBAR words have `trap` names instead; device INTIDs are refused. */
#include <stdint.h>

#include "arch.h"
#include "arm32.h"
#include "bench.h"
#include "gic.h"
#include "isr.h"
#include "printf.h"
#include "stats.h"
#include "string.h"
#include "ticks.h"

#define SGI_WAIT_TICKS 100   /* an SGI to self arrives at once; a second without it is a bug */
#define SGI_COUNT 16
#define VEC_IRQ ISR_VEC_IRQ
#define VEC_FIQ ISR_VEC_FIQ

void vector_enter(uintptr_t entry, uint32_t mode);   /* vector_enter.S */

/* A bench handler (isr/arm32.py, bench=) only counts bench_counter, not stats. */
static bool arrived(unsigned vector, uint64_t before, unsigned long bench_before)
{
    return stats_get(vector) != before || bench_counter != bench_before;
}

static void raise_sgi(unsigned vector)
{
    uint64_t before = stats_get(vector), start = ticks_now();
    unsigned long bench_before = bench_counter;
    gic_send_sgi_to_self(vector - ISR_IRQ_BASE);
    while (!arrived(vector, before, bench_before) && ticks_now() - start < SGI_WAIT_TICKS)
        wfi();                /* IRQs and FIQs are unmasked here: the SGI is taken, or the timer wakes us */
    if (!arrived(vector, before, bench_before))
        kprintf("error: SGI %u never arrived\n", vector - ISR_IRQ_BASE);
}

void arch_cmd_int(const char *arg)
{
    uint64_t vector;
    if (!arg || !parse_u64(arg, &vector) || vector >= ISR_VECTOR_COUNT) {
        kprintf("error: usage: int N, with N from 0 to %u\n", ISR_VECTOR_COUNT - 1);
        return;
    }
    unsigned v = (unsigned)vector;
    if (v == VEC_IRQ || v == VEC_FIQ) {
        vector_enter(r_vbar() + 4 * v, v == VEC_IRQ ? MODE_IRQ : MODE_FIQ);
        kprintf("int %s: returned\n", arg);      /* as typed: 0x10 stays 0x10 */
        return;
    }
    if (v < ISR_VBAR_ENTRIES) {
        kprintf("error: vector %u (%s) is a CPU exception, not raised by `int`; `trap` raises "
                "undef, svc and the aborts, int 6 and 7 enter IRQ and FIQ, int %u-%u raise the SGIs\n",
                v, arch_vector_name(v),
                ISR_IRQ_BASE, ISR_IRQ_BASE + SGI_COUNT - 1);
        return;
    }
    if (v >= ISR_IRQ_BASE + SGI_COUNT) {
        kprintf("error: vector %u (%s) is a device interrupt; software raises only SGIs "
                "(vectors %u-%u)\n", v, arch_vector_name(v), ISR_IRQ_BASE, ISR_IRQ_BASE + SGI_COUNT - 1);
        return;
    }
    raise_sgi(v);
    kprintf("int %s: returned\n", arg);      /* as typed: 0x10 stays 0x10 */
}
