/* SysTick, the tick source (ARMv7-M ARM B3.3): a 24-bit down-counter that
 * reloads from RVR and raises exception 15 each time it reaches zero. */
#include "cm3.h"
#include "memlayout.h"
#include "systick.h"

#define CSR_ENABLE (1u << 0)
#define CSR_TICKINT (1u << 1)       /* raise SysTick on reaching zero */
#define CSR_CLKSOURCE (1u << 2)     /* 1: the processor clock, SYSCLK_HZ on mps2 */

void systick_init(unsigned hz)
{
    mmio_write(SYST_RVR, SYSCLK_HZ / hz - 1);    /* N - 1: the count includes zero */
    mmio_write(SYST_CVR, 0);
    mmio_write(SYST_CSR, CSR_ENABLE | CSR_TICKINT | CSR_CLKSOURCE);
}
