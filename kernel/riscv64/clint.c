/* The CLINT: mtimecmp as the tick source, msip as the machine software interrupt. */
#include <stdint.h>

#include "clint.h"
#include "memlayout.h"
#include "mmio.h"
#include "riscv.h"

static uint64_t interval;

/* MTIP stays pending while mtime >= mtimecmp; moving mtimecmp ahead clears it. */
void clint_timer_start(unsigned hz)
{
    interval = MTIME_HZ / hz;
    mmio_write64(CLINT_MTIMECMP(0), mmio_read64(CLINT_MTIME) + interval);
}

/* One interval past the previous deadline, not past now: no drift from the
   handler's latency. */
void clint_timer_rearm(void)
{
    mmio_write64(CLINT_MTIMECMP(0), mmio_read64(CLINT_MTIMECMP(0)) + interval);
}

/* msip bit 0 is hart 0's MSIP in mip: the only way software raises it. */
void clint_soft_raise(void)
{
    mmio_write32(CLINT_MSIP(0), 1);
}

void clint_soft_clear(void)
{
    mmio_write32(CLINT_MSIP(0), 0);
}

bool software_cause(unsigned vector, unsigned *cause, const char **why)
{
    *cause = vector - ISR_IRQ_BASE;
    if (vector < ISR_IRQ_BASE || !software_raisable(*cause)) {
        *why = SOFTWARE_RAISABLE_ONLY;
        return false;
    }
    return true;
}

bool software_pend(unsigned cause)
{
    if (!software_raisable(cause))
        return false;
    if (cause == IRQ_M_SOFT)
        clint_soft_raise();
    else
        s_mip(1ull << cause);
    return true;
}
