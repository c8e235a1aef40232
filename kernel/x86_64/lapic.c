/* The local APIC, used only as a wire from the 8259 to the CPU.
 *
 * The 8259's INTR output reaches the CPU through the local APIC's LINT0 pin,
 * which is masked at reset. PC firmware programs it as ExtINT ("virtual wire
 * mode", MP spec 3.6.2.2); the microvm firmware does not, so we do: without
 * it, no PIC interrupt is ever taken.
 */
#include <stdint.h>

#include "lapic.h"
#include "memlayout.h"

#define SVR_ENABLE (1u << 8)
#define SPURIOUS_VECTOR 0xff        /* unbound in the spec: reported by the default handler */
#define LVT_DELIVERY_EXTINT (7u << 8)   /* take the vector from the 8259's acknowledge cycle */
#define LVT_DELIVERY_NMI (4u << 8)      /* raise an NMI (vector 2), whatever the vector field */

static void lapic_write(uint32_t reg, uint32_t value)
{
    *(volatile uint32_t *)(uintptr_t)(LAPIC_BASE + reg) = value;
}

void lapic_virtual_wire(void)
{
    /* A software-disabled APIC forces every LVT entry masked: enable it first. */
    lapic_write(LAPIC_SVR, SVR_ENABLE | SPURIOUS_VECTOR);
    lapic_write(LAPIC_LVT_LINT0, LVT_DELIVERY_EXTINT);   /* mask bit 16 clear */
    /* LINT1 carries the board's NMI (QEMU's inject-nmi arrives here): firmware
       makes it an unmasked NMI in virtual wire mode, microvm's does not. */
    lapic_write(LAPIC_LVT_LINT1, LVT_DELIVERY_NMI);
}
