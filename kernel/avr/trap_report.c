/* The AVR fields of a report line (docs/arches/avr.md). */
#include "avr.h"
#include "trap_report.h"

volatile uint8_t avr_nesting;

void avr_report_begin(unsigned vector, uint32_t pc)
{
    report_begin(vector, false, 0, pc);
}

/* Inside a nonblocking handler: depth counts it and this one, as on the
   other arches (docs/reference/shell.md, "Report lines"). */
static void nesting_field(void)
{
    if (avr_nesting) {
        report_field("depth", "%u", avr_nesting + 1u);
        report_field("note", "nested");
    }
}

void avr_report(unsigned vector, uint32_t pc, enum outcome outcome)
{
    avr_report_begin(vector, pc);
    nesting_field();
    report_end(outcome);
}

/* sreg: the interrupted code's flags; I reads 0 there, since the CPU clears
   it before the stub reads SREG. frame: where the stub put the frame. */
void avr_report_frame(const struct trap_frame *frame, enum outcome outcome)
{
    avr_report_begin(frame->vector, frame_pc(frame));
    report_field("sreg", "0x%x", frame->sreg);
    report_field("frame", "0x%x", (unsigned)(uintptr_t)frame);
    nesting_field();
    report_end(outcome);
}
