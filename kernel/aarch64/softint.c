/* `int N` on aarch64. AArch64 has no instruction that raises an arbitrary
 * vector, so each range does its nearest equivalent:
 *   16-31 (SGI 0-15): a real software-generated interrupt to this CPU through
 *         GICD_SGIR, acknowledged and ended by gic_dispatch like any other;
 *   0-15 without a syndrome (IRQ and FIQ entries): software enters VBAR_EL1 +
 *         0x80 * N as the CPU would (vector_enter.S), with GICC_PMR at 0, so
 *         the EL1H_IRQ entry finds nothing it may acknowledge and the GIC
 *         answers spurious 1023, even when the timer is pending that moment;
 *   entries with a syndrome (SYNC, SERROR) and device INTIDs: refused.
 */
#include <stdint.h>

#include "aarch64.h"
#include "arch.h"
#include "arm/gicv2.h"
#include "gic.h"
#include "isr.h"
#include "printf.h"
#include "string.h"
#include "ticks.h"

#define SGI_WAIT_TICKS 100   /* an SGI to self arrives at once; a second without it is a bug */
#define PMR_MASK_ALL 0       /* GICC_PMR: no priority is below it, so nothing is signalled */

void vector_enter(uintptr_t entry);   /* vector_enter.S */

/* Arrived once the GIC holds the SGI neither pending nor active: an entry
   acknowledged and ended it. Asked of the GIC, not of a handler's count: a
   bench handler (bench.h) counts only bench_counter, a user's none at all. */
static void raise_sgi(unsigned vector)
{
    unsigned sgi = vector - ISR_IRQ_BASE;
    uint64_t start = ticks_now();
    gic_send_sgi_to_self(sgi);
    while (gic_in_flight(sgi) && ticks_now() - start < SGI_WAIT_TICKS)
        wfi();                /* IRQs are unmasked here: the SGI is taken, or the timer wakes us */
    if (gic_in_flight(sgi))
        kprintf("error: SGI %u never arrived: is it enabled in isr/aarch64.py?\n", sgi);
}

/* Enter a VBAR entry by software. GICC_IAR acknowledges whatever is pending
   and signalled, so an interrupt that became pending just before (the
   timer, about once in a thousand) would be taken through this entry instead
   of the spurious 1023 that `int` promises: with GICC_PMR at 0 nothing is
   signalled, and the GIC answers 1023. What is pending is taken after the
   mask is restored, through its own entry. */
static void enter_by_software(unsigned vector)
{
    uint32_t old = gic_set_priority_mask(PMR_MASK_ALL);
    vector_enter(r_vbar() + ISR_VBAR_ENTRY_SIZE * vector);
    gic_set_priority_mask(old);
}

void arch_cmd_int(const char *arg)
{
    uint64_t vector;
    if (!arg || !parse_u64(arg, &vector) || vector >= ISR_VECTOR_COUNT) {
        kprintf("error: usage: int N, with N from 0 to %u\n", ISR_VECTOR_COUNT - 1);
        return;
    }
    const char *name = arch_vector_name((unsigned)vector);
    if (vector < ISR_VBAR_ENTRIES && isr_vector_error_code[vector]) {
        kprintf("error: vector %lu (%s) reports a syndrome in ESR_EL1 that software cannot set; "
                "use trap instead\n", vector, name);
        return;
    }
    if (vector >= ISR_IRQ_BASE + GIC_SGIS) {
        kprintf("error: vector %lu (%s) is a device interrupt; software raises only SGIs "
                "(vectors %u-%u) and enters the IRQ and FIQ entries (0-%u)\n",
                vector, name, ISR_IRQ_BASE, ISR_IRQ_BASE + GIC_SGIS - 1, ISR_VBAR_ENTRIES - 1);
        return;
    }
    if (vector < ISR_VBAR_ENTRIES)
        enter_by_software((unsigned)vector);
    else
        raise_sgi((unsigned)vector);
    kprintf("int %s: returned\n", arg);      /* as typed: 0x11 stays 0x11 */
}
