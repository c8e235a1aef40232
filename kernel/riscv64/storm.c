/* The storm guard's mask (kernel/storm.h): the interrupt cause's enable bit in
 * mie. The source may stay pending in mip; with its mie bit clear it neither
 * traps nor wakes wfi (privileged spec 3.1.9). */
#include <stdint.h>

#include "isr.h"
#include "riscv.h"
#include "storm.h"

static const char *const mie_bits[] = {
    [1] = "mie.SSIE", [3] = "mie.MSIE", [5] = "mie.STIE", [7] = "mie.MTIE", [9] = "mie.SEIE", [11] = "mie.MEIE",
};

const char *arch_storm_mask(unsigned vector)
{
    unsigned cause = vector - ISR_IRQ_BASE;
    if (vector < ISR_IRQ_BASE || cause >= sizeof(mie_bits) / sizeof(mie_bits[0]) || !mie_bits[cause])
        return 0;           /* an exception: nothing masks it */
    w_mie(r_mie() & ~(1ull << cause));
    return mie_bits[cause];
}
