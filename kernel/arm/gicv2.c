/* What aarch64 and arm32 do alike with their GICv2 (arm/gicv2.h): acknowledge,
 * end, SGIs, priorities and enables. */
#include <stdbool.h>
#include <stdint.h>

#include "arm/gicv2.h"
#include "arm/mmio.h"
#include "gic.h"
#include "isr.h"
#include "memlayout.h"
#include "string.h"

void gicv2_enable(unsigned intid)
{
    if (intid >= FIRST_SPI)
        mmio_write8(GICD_BASE + GICD_ITARGETSR + intid, CPU0);
    mmio_write32(GICD_BASE + GICD_ISENABLER + 4 * (intid / 32), 1u << (intid % 32));
}

bool gicv2_sgi_window(unsigned vector, unsigned *sgi, uint32_t *pmr, const char **why)
{
    if (vector < ISR_IRQ_BASE || vector - ISR_IRQ_BASE >= GIC_SGIS) {
        *why = "only SGIs are raised by a store to GICD_SGIR: vector " NUMBER_TEXT(ISR_IRQ_BASE) " (SGI 0) and the 15 after it";
        return false;
    }
    *sgi = vector - ISR_IRQ_BASE;
    *pmr = gic_priority(*sgi) + GIC_PRIORITY_STEP;
    return true;
}

uint32_t gic_acknowledge(void)
{
    return mmio_read32(GICC_BASE + GICC_IAR);
}

void gic_end(uint32_t iar)
{
    mmio_write32(GICC_BASE + GICC_EOIR, iar);
}

void gic_send_sgi_to_self(unsigned sgi)
{
    mmio_write32(GICD_BASE + GICD_SGIR, gic_sgir_to_self(sgi));
}

uintptr_t gic_sgir_address(void)
{
    return GICD_BASE + GICD_SGIR;
}

uint32_t gic_sgir_to_self(unsigned sgi)
{
    return SGIR_TO_SELF | (sgi & 0xf);
}

uint32_t gic_set_priority_mask(uint32_t pmr)
{
    uint32_t old = mmio_read32(GICC_BASE + GICC_PMR);
    mmio_write32(GICC_BASE + GICC_PMR, pmr);
    return old;
}

uint8_t gic_priority(unsigned intid)
{
    return mmio_read8(GICD_BASE + GICD_IPRIORITYR + intid);
}

void gic_disable(unsigned intid)
{
    mmio_write32(GICD_BASE + GICD_ICENABLER + 4 * (intid / 32), 1u << (intid % 32));
}

bool gic_enabled(unsigned intid)
{
    return (mmio_read32(GICD_BASE + GICD_ISENABLER + 4 * (intid / 32)) >> (intid % 32)) & 1;
}

/* Pending or active at the distributor: not yet taken, or taken and not yet
   ended. An SGI that reads neither after it was sent has been acknowledged
   and ended, whichever entry took it and whatever its handler counts. */
bool gic_in_flight(unsigned intid)
{
    uint32_t bit = 1u << (intid % 32), word = 4 * (intid / 32);
    return (mmio_read32(GICD_BASE + GICD_ISPENDR + word) & bit) ||
           (mmio_read32(GICD_BASE + GICD_ISACTIVER + word) & bit);
}
