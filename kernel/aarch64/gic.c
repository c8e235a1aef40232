/* GICv2 (ARM IHI 0048B), QEMU virt's default interrupt controller. Chosen over
 * v3 because its CPU interface is plain MMIO: no ICC_* system registers and no
 * redistributor to wake. Without the security extensions (virt's default)
 * every interrupt is Group 0 and signals IRQ. */
#include "aarch64.h"
#include "arm/gicv2.h"
#include "gic.h"
#include "isr.h"
#include "memlayout.h"

#define PMR_ALLOW_ALL 0xf0       /* isr/gicv2.py PRIORITY_MASK: the spec's priorities are below */

void gic_init(void)
{
    mmio_write32(GICD_BASE + GICD_CTLR, 0);
    for (const struct isr_gic_entry *e = __isr_gic_table_start; e < __isr_gic_table_end; e++) {
        if (!e->enabled)
            continue;
        mmio_write8(GICD_BASE + GICD_IPRIORITYR + e->intid, e->priority);
        gicv2_enable(e->intid);
    }
    mmio_write32(GICD_BASE + GICD_CTLR, 1);
    mmio_write32(GICC_BASE + GICC_PMR, PMR_ALLOW_ALL);
    mmio_write32(GICC_BASE + GICC_BPR, BPR_GROUP_7_4);
    mmio_write32(GICC_BASE + GICC_CTLR, 1);
}
