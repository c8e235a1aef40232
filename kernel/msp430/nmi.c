/* The NMI vector (SLAU049 2.2.1): NMIIFG with NMIIE, set by an edge on the
 * RST/NMI pin in NMI mode (WDTNMI) or by software. Entering the NMI clears
 * NMIIE, so the handler clears the flag and enables it again. */
#include "mcu.h"
#include "stats.h"
#include "trap_report.h"

void on_nmi(void)
{
    struct cpu_frame *frame = ABI_CPU_FRAME();
    IFG1 &= ~NMIIFG;
    stats_count(ISR_VEC_NMI);
    msp430_report_begin(ISR_VEC_NMI, frame);
    report_field("gie", "%u", (frame->sr & GIE) ? 1u : 0u);     /* taken even with GIE clear */
    msp430_report_end(frame, false);
    IE1 |= NMIIE;
}
