/* The default handler: every vector the spec leaves out. */
#include "mcu.h"
#include "stats.h"
#include "trap_report.h"

void isr_default_handler(struct trap_frame *tf)
{
    struct cpu_frame *frame = (struct cpu_frame *)&tf->sr;
    stats_count(tf->vector);
    msp430_report_begin(tf->vector, frame);
    report_field("note", "unexpected-vector");
    msp430_report_end(frame, false);
}
