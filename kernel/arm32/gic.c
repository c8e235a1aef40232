/* GICv2 (ARM IHI 0048B) on QEMU virt, with both interrupt groups: group 0 is
 * signalled as FIQ once GICC_CTLR.FIQEn is set, group 1 as IRQ (3.6.2,
 * "Interrupt grouping"). QEMU's virt has no security extensions with
 * secure=off, so the kernel (non-secure PL1) owns GICD_IGROUPR itself. */
#include "arm/gicv2.h"
#include "arm32.h"
#include "gic.h"
#include "isr.h"
#include "memlayout.h"

#define DIST_ENABLE_BOTH 0x3u     /* GICD_CTLR: bit 0 EnableGrp0, bit 1 EnableGrp1 */
/* GICC_CTLR without security extensions (4.4.1): EnableGrp0 | EnableGrp1 |
   AckCtl (GICC_IAR may acknowledge group 1 too) | FIQEn (group 0 as FIQ) |
   CBPR (GICC_BPR sets the binary point of both groups). */
#define CPU_CTLR (0x1u | 0x2u | 0x4u | 0x8u | 0x10u)
#define PMR_ALLOW_ALL 0xf0       /* isr/gicv2.py PRIORITY_MASK: the spec's priorities are below */
/* BPR_GROUP_7_4 (arm/gicv2.h): a FIQ at 0x40 preempts an IRQ handler running at 0xa0. */

void gic_init(void)
{
    uint32_t group1[ISR_GIC_INTIDS / 32] = {0};
    mmio_write32(GICD_BASE + GICD_CTLR, 0);
    for (const struct isr_gic_entry *e = __isr_gic_table_start; e < __isr_gic_table_end; e++) {
        mmio_write8(GICD_BASE + GICD_IPRIORITYR + e->intid, e->priority);
        if (!e->fiq)
            group1[e->intid / 32] |= 1u << (e->intid % 32);
        if (!e->enabled)
            continue;
        gicv2_enable(e->intid);
    }
    for (unsigned w = 0; w < ISR_GIC_INTIDS / 32; w++)
        mmio_write32(GICD_BASE + GICD_IGROUPR + 4 * w, group1[w]);
    mmio_write32(GICD_BASE + GICD_CTLR, DIST_ENABLE_BOTH);
    mmio_write32(GICC_BASE + GICC_PMR, PMR_ALLOW_ALL);
    mmio_write32(GICC_BASE + GICC_BPR, BPR_GROUP_7_4);
    mmio_write32(GICC_BASE + GICC_CTLR, CPU_CTLR);
}

uint32_t gic_highest_pending(void)
{
    return mmio_read32(GICC_BASE + GICC_HPPIR) & 0x3ff;
}

bool gic_group0(unsigned intid)
{
    return !((mmio_read32(GICD_BASE + GICD_IGROUPR + 4 * (intid / 32)) >> (intid % 32)) & 1);
}
