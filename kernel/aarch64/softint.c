/* `int N` on aarch64. AArch64 has no instruction that raises an arbitrary
 * vector, so each range does its nearest equivalent:
 *   16-31 (SGI 0-15): a real software-generated interrupt to this CPU through
 *         GICD_SGIR, acknowledged and ended by gic_dispatch like any other;
 *   0-15 without a syndrome (IRQ and FIQ entries): software enters VBAR_EL1 +
 *         0x80 * N as the CPU would (vector_enter.S), so the EL1H_IRQ entry
 *         finds nothing pending and the GIC answers spurious 1023;
 *   entries with a syndrome (SYNC, SERROR) and device INTIDs: refused.
 */
#include <stdint.h>

#include "aarch64.h"
#include "arch.h"
#include "gic.h"
#include "isr.h"
#include "printf.h"
#include "stats.h"
#include "string.h"
#include "ticks.h"

#define SGI_WAIT_TICKS 100   /* an SGI to self arrives at once; a second without it is a bug */

void vector_enter(uintptr_t entry);   /* vector_enter.S */

static void raise_sgi(unsigned vector)
{
    uint64_t before = stats_get(vector), start = ticks_now();
    gic_send_sgi_to_self(vector - ISR_IRQ_BASE);
    while (stats_get(vector) == before && ticks_now() - start < SGI_WAIT_TICKS)
        wfi();                /* IRQs are unmasked here: the SGI is taken, or the timer wakes us */
    if (stats_get(vector) == before)
        kprintf("error: SGI %u never arrived: is it enabled in isr/aarch64.py?\n", vector - ISR_IRQ_BASE);
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
    if (vector >= ISR_IRQ_BASE + 16) {
        kprintf("error: vector %lu (%s) is a device interrupt; software raises only SGIs "
                "(vectors %u-%u) and enters the IRQ and FIQ entries (0-15)\n",
                vector, name, ISR_IRQ_BASE, ISR_IRQ_BASE + 15);
        return;
    }
    if (vector < ISR_VBAR_ENTRIES)
        vector_enter(r_vbar() + ISR_VBAR_ENTRY_SIZE * vector);
    else
        raise_sgi((unsigned)vector);
    kprintf("int %s: returned\n", arg);      /* as typed: 0x11 stays 0x11 */
}
