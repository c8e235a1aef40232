/* The storm guard's mask (kernel/storm.h): an external interrupt's NVIC enable
 * bit, or SysTick's TICKINT; faults cannot be masked that way. */
#include <stdint.h>

#include "cm3.h"
#include "isr.h"
#include "memlayout.h"
#include "nvic.h"
#include "storm.h"

#define SYST_CSR_TICKINT (1u << 1)

const char *arch_storm_mask(unsigned vector)
{
    if (vector >= ISR_IRQ_BASE && vector < ISR_VECTOR_COUNT) {
        nvic_disable(vector - ISR_IRQ_BASE);
        return "nvic-icer";
    }
    if (vector == EXC_SYSTICK) {
        mmio_write(SYST_CSR, mmio_read(SYST_CSR) & ~SYST_CSR_TICKINT);
        return "syst-csr.tickint";
    }
    return 0;
}
