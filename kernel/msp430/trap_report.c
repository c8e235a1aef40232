/* The MSP430 fields of a report line (docs/arches/msp430.md). */
#include "isr.h"
#include "mcu.h"
#include "trap_report.h"

volatile uint8_t msp430_nesting;

/* The low-power mode an SR selects (SLAU049 2.3, table 2-2). */
static const char *power_mode(uint16_t sr)
{
    if (!(sr & CPUOFF))
        return "active";
    if (sr & OSCOFF)
        return "lpm4";
    switch (sr & (SCG0 | SCG1)) {
    case 0:
        return "lpm0";
    case SCG0:
        return "lpm1";
    case SCG1:
        return "lpm2";
    default:
        return "lpm3";
    }
}

void msp430_report_begin(unsigned vector, const struct cpu_frame *frame)
{
    report_begin(vector, false, 0, frame->pc);
    report_field("sr", "0x%x", frame->sr);
    report_field("from", "%s", power_mode(frame->sr));
    report_field("irq", "%u", vector - ISR_IRQ_BASE);   /* mspdebug's number: word 0xFFE0 + 2 * irq */
}

void msp430_report_end(const struct cpu_frame *frame, bool woke)
{
    (void)frame;
    report_field("wake", "%u", woke ? 1u : 0u);
    report_end(RESUME);
}
