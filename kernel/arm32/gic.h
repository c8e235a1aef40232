#ifndef GIC_H
#define GIC_H

#include <stdbool.h>
#include <stdint.h>

#define GIC_SPURIOUS 1023u   /* GICC_IAR when nothing is pending (IHI 0048B 4.4.4) */
#define GIC_FIRST_SPECIAL 1020u   /* 1020-1023 are never interrupts to end */

/* Program priority, group, target and enable of every INTID from the generated
   GIC table, then enable both groups and FIQ signalling of group 0. */
void gic_init(void);
uint32_t gic_acknowledge(void);          /* GICC_IAR: INTID in bits 9:0, source CPU in 12:10 */
void gic_end(uint32_t iar);              /* GICC_EOIR with the IAR value */
uint32_t gic_highest_pending(void);      /* GICC_HPPIR: INTID of the most urgent pending one */
void gic_send_sgi_to_self(unsigned sgi);
/* The store that sends an SGI, for a caller that makes it itself (bench, probe). */
uintptr_t gic_sgir_address(void);
uint32_t gic_sgir_to_self(unsigned sgi);
uint32_t gic_set_priority_mask(uint32_t pmr);   /* GICC_PMR; returns the old mask */
uint8_t gic_priority(unsigned intid);
bool gic_enabled(unsigned intid);
bool gic_in_flight(unsigned intid);     /* GICD_ISPENDR or GICD_ISACTIVER bit set */
void gic_disable(unsigned intid);
bool gic_group0(unsigned intid);

#endif
