#ifndef ARM_GICV2_H
#define ARM_GICV2_H

#include <stdbool.h>
#include <stdint.h>

/* GICv2 (ARM IHI 0048B) registers, the same on QEMU virt for aarch64 and
 * arm32. Each arch's gic.c programs them in its own gic_init (aarch64: one
 * group, all IRQ; arm32: group 0 as FIQ, group 1 as IRQ); the accessors both
 * share are in gicv2.c. GICD_BASE and GICC_BASE are each arch's memlayout.h. */

#define GICD_CTLR 0x000
#define GICD_IGROUPR 0x080       /* one bit per INTID: 1 = group 1, 0 = group 0 */
#define GICD_ISENABLER 0x100     /* one bit per INTID, 32 per word; writing 1 enables */
#define GICD_ICENABLER 0x180     /* the same bits; writing 1 disables */
#define GICD_ISPENDR 0x200       /* one bit per INTID: reads 1 while it is pending */
#define GICD_ISACTIVER 0x300     /* one bit per INTID: reads 1 while it is active */
#define GICD_IPRIORITYR 0x400    /* one byte per INTID, byte accessible */
#define GICD_ITARGETSR 0x800     /* one byte per INTID: CPU interface bit mask (SPIs only) */
#define GICD_SGIR 0xf00
#define GICC_CTLR 0x000
#define GICC_PMR 0x004           /* only priorities numerically below this are signalled */
#define GICC_BPR 0x008
#define GICC_IAR 0x00c
#define GICC_EOIR 0x010
#define GICC_HPPIR 0x018

#define GIC_SGIS 16              /* INTIDs 0-15 are the SGIs, which software raises (2.2.1) */
#define FIRST_SPI 32
#define CPU0 0x01
/* GICD_SGIR TargetListFilter (bits 25:24) = 0b10: forward to the requesting CPU only. */
#define SGIR_TO_SELF (2u << 24)
/* Binary point 3: the group (preemption) priority is bits [7:4], so the spec's
   multiples of 16 each form their own group and a lower value preempts. */
#define BPR_GROUP_7_4 3
/* The spec's priorities are multiples of 16 (isr/arch_aarch64, isr/arch_arm32):
   one step is one preemption group. */
#define GIC_PRIORITY_STEP 16

/* Route an INTID to CPU 0 (SPIs only: SGIs and PPIs are banked) and enable it. */
void gicv2_enable(unsigned intid);

/* For `bench N` and `probe N`, which raise vector N by a store to GICD_SGIR:
   its SGI, and the GICC_PMR that lets only it (and what outranks it) be
   signalled, one priority step above its own; false, with why, when vector
   is no SGI's. */
bool gicv2_sgi_window(unsigned vector, unsigned *sgi, uint32_t *pmr, const char **why);

#endif
