#ifndef GIC_H
#define GIC_H

#include <stdbool.h>
#include <stdint.h>

#define GIC_SPURIOUS 1023u   /* GICC_IAR answer when nothing is pending (IHI 0048B 3.2.5) */

/* Program priority, target and enable of every INTID the generated GIC table
   binds, then enable the distributor and this CPU's interface. */
void gic_init(void);
uint32_t gic_acknowledge(void);          /* GICC_IAR: INTID in bits 9:0, source CPU in 12:10 */
void gic_end(uint32_t iar);              /* GICC_EOIR with the IAR value, as the spec requires */
void gic_send_sgi_to_self(unsigned sgi);
uint8_t gic_priority(unsigned intid);
bool gic_enabled(unsigned intid);
bool gic_in_flight(unsigned intid);     /* GICD_ISPENDR or GICD_ISACTIVER bit set */
void gic_disable(unsigned intid);
/* For a measured window (bench.c): GICD_SGIR's address, the word that sends
   SGI n to this CPU, and GICC_PMR (returns the mask it replaced). */
uintptr_t gic_sgir_address(void);
uint32_t gic_sgir_to_self(unsigned sgi);
uint32_t gic_set_priority_mask(uint32_t pmr);

#endif
