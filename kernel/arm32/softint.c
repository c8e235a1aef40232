/* `int N` on arm32. No instruction raises an arbitrary vector, so `int N`
 * does what software can:
 *   8-23 (SGI 0-15): SGI N - 8 to this CPU through GICD_SGIR, taken at the
 *        IRQ or the FIQ entry as the spec groups it (fiq=True: group 0, FIQ),
 *        acknowledged and ended like any other;
 *   6, 7 (IRQ, FIQ): software enters that VBAR word as the CPU would
 *        (vector_enter.S), with GICC_PMR at 0, so the entry finds nothing
 *        it may acknowledge and the GIC answers spurious 1023, even when
 *        the timer is pending that moment;
 *   the other VBAR words have `trap` names instead; device INTIDs are refused. */
#include <stdint.h>

#include "arch.h"
#include "arm32.h"
#include "arm/gicv2.h"
#include "gic.h"
#include "isr.h"
#include "printf.h"
#include "string.h"
#include "ticks.h"

#define SGI_WAIT_TICKS 100   /* an SGI to self arrives at once; a second without it is a bug */
#define PMR_MASK_ALL 0       /* GICC_PMR: no priority is below it, so nothing is signalled */

void vector_enter(uintptr_t entry, uint32_t mode);   /* vector_enter.S */

/* Arrived once the GIC holds the SGI neither pending nor active: the IRQ or
   FIQ entry acknowledged and ended it. Asked of the GIC, not of a handler's
   count: a bench handler (bench.h) counts only bench_counter, a user's none. */
static void raise_sgi(unsigned vector)
{
    unsigned sgi = vector - ISR_IRQ_BASE;
    uint64_t start = ticks_now();
    gic_send_sgi_to_self(sgi);
    while (gic_in_flight(sgi) && ticks_now() - start < SGI_WAIT_TICKS)
        wfi();                /* IRQs and FIQs are unmasked here: the SGI is taken, or the timer wakes us */
    if (gic_in_flight(sgi))
        kprintf("error: SGI %u never arrived\n", sgi);
}

/* Enter the IRQ or FIQ word by software. GICC_CTLR.AckCtl lets GICC_IAR
   acknowledge either group from either entry, so an interrupt that became
   pending just before (the timer, about once in a thousand) would be
   acknowledged here, a group-1 tick through the FIQ entry, instead of the
   spurious 1023 that `int` promises: with GICC_PMR at 0 nothing is
   signalled, and GICC_IAR answers 1023 (IHI 0048B 4.4.4). What is pending is
   taken after the mask is restored, through the entry of its own group. */
static void enter_by_software(unsigned vector)
{
    uint32_t old = gic_set_priority_mask(PMR_MASK_ALL);
    vector_enter(r_vbar() + ISR_VBAR_ENTRY_SIZE * vector, vector == ISR_VEC_IRQ ? MODE_IRQ : MODE_FIQ);
    gic_set_priority_mask(old);
}

void arch_cmd_int(const char *arg)
{
    uint64_t vector;
    if (!arg || !parse_u64(arg, &vector) || vector >= ISR_VECTOR_COUNT) {
        kprintf("error: usage: int N, with N from 0 to %u\n", ISR_VECTOR_COUNT - 1);
        return;
    }
    unsigned v = (unsigned)vector;
    if (v == ISR_VEC_IRQ || v == ISR_VEC_FIQ) {
        enter_by_software(v);
        kprintf("int %s: returned\n", arg);      /* as typed: 0x10 stays 0x10 */
        return;
    }
    if (v < ISR_VBAR_ENTRIES) {
        kprintf("error: vector %u (%s) is a CPU exception, not raised by `int`; `trap` raises "
                "undef, svc and the aborts, int %u and %u enter IRQ and FIQ, int %u-%u raise the SGIs\n",
                v, arch_vector_name(v), ISR_VEC_IRQ, ISR_VEC_FIQ, ISR_IRQ_BASE, ISR_IRQ_BASE + GIC_SGIS - 1);
        return;
    }
    if (v >= ISR_IRQ_BASE + GIC_SGIS) {
        kprintf("error: vector %u (%s) is a device interrupt; software raises only SGIs "
                "(vectors %u-%u)\n", v, arch_vector_name(v), ISR_IRQ_BASE, ISR_IRQ_BASE + GIC_SGIS - 1);
        return;
    }
    raise_sgi(v);
    kprintf("int %s: returned\n", arg);      /* as typed: 0x10 stays 0x10 */
}
