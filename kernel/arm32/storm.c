/* The storm guard's mask (kernel/storm.h): the INTID's enable bit at the GIC
 * distributor. gic_irq and gic_fiq still write the EOI of the interrupt in service. */
#include "gic.h"
#include "isr.h"
#include "storm.h"

const char *arch_storm_mask(unsigned vector)
{
    if (vector < ISR_IRQ_BASE || vector >= ISR_VECTOR_COUNT)
        return 0;           /* a VBAR word: an exception, or the IRQ/FIQ entry itself */
    gic_disable(vector - ISR_IRQ_BASE);
    return "gicd-icenabler";
}
