/* GICv2 (ARM IHI 0048B) on QEMU virt, with both interrupt groups: group 0 is
 * signalled as FIQ once GICC_CTLR.FIQEn is set, group 1 as IRQ (3.6.2,
 * "Interrupt grouping"). QEMU's virt has no security extensions with
 * secure=off, so the kernel (non-secure PL1) owns GICD_IGROUPR itself. */
#include "arm32.h"
#include "gic.h"
#include "isr.h"
#include "memlayout.h"

#define GICD_CTLR 0x000          /* bit 0 EnableGrp0, bit 1 EnableGrp1 */
#define GICD_IGROUPR 0x080       /* one bit per INTID: 1 = group 1 (IRQ), 0 = group 0 (FIQ) */
#define GICD_ISENABLER 0x100     /* one bit per INTID, 32 per word; writing 1 enables */
#define GICD_ICENABLER 0x180     /* the same bits; writing 1 disables */
#define GICD_IPRIORITYR 0x400    /* one byte per INTID, byte accessible */
#define GICD_ITARGETSR 0x800     /* one byte per INTID: CPU interface bit mask (SPIs only) */
#define GICD_SGIR 0xf00
#define GICC_CTLR 0x000
#define GICC_PMR 0x004           /* only priorities numerically below this are signalled */
#define GICC_BPR 0x008
#define GICC_IAR 0x00c
#define GICC_EOIR 0x010
#define GICC_HPPIR 0x018

#define FIRST_SPI 32
#define CPU0 0x01
#define DIST_ENABLE_BOTH 0x3u
/* GICC_CTLR without security extensions (4.4.1): EnableGrp0 | EnableGrp1 |
   AckCtl (GICC_IAR may acknowledge group 1 too) | FIQEn (group 0 as FIQ) |
   CBPR (GICC_BPR sets the binary point of both groups). */
#define CPU_CTLR (0x1u | 0x2u | 0x4u | 0x8u | 0x10u)
/* GICD_SGIR TargetListFilter (bits 25:24) = 0b10: forward to the requesting CPU only. */
#define SGIR_TO_SELF (2u << 24)
#define PMR_ALLOW_ALL 0xf0       /* isr/arch_arm32 GIC_PRIORITY_MASK: the spec's priorities are below */
/* Binary point 3: the group (preemption) priority is bits [7:4], so a FIQ at
   0x40 preempts an IRQ handler running at 0xa0. */
#define BPR_GROUP_7_4 3

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
        if (e->intid >= FIRST_SPI)
            mmio_write8(GICD_BASE + GICD_ITARGETSR + e->intid, CPU0);
        mmio_write32(GICD_BASE + GICD_ISENABLER + 4 * (e->intid / 32), 1u << (e->intid % 32));
    }
    for (unsigned w = 0; w < ISR_GIC_INTIDS / 32; w++)
        mmio_write32(GICD_BASE + GICD_IGROUPR + 4 * w, group1[w]);
    mmio_write32(GICD_BASE + GICD_CTLR, DIST_ENABLE_BOTH);
    mmio_write32(GICC_BASE + GICC_PMR, PMR_ALLOW_ALL);
    mmio_write32(GICC_BASE + GICC_BPR, BPR_GROUP_7_4);
    mmio_write32(GICC_BASE + GICC_CTLR, CPU_CTLR);
}

uint32_t gic_acknowledge(void)
{
    return mmio_read32(GICC_BASE + GICC_IAR);
}

void gic_end(uint32_t iar)
{
    mmio_write32(GICC_BASE + GICC_EOIR, iar);
}

uint32_t gic_highest_pending(void)
{
    return mmio_read32(GICC_BASE + GICC_HPPIR) & 0x3ff;
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

bool gic_group0(unsigned intid)
{
    return !((mmio_read32(GICD_BASE + GICD_IGROUPR + 4 * (intid / 32)) >> (intid % 32)) & 1);
}
