#ifndef TRAP_REPORT_H
#define TRAP_REPORT_H

#include <stdint.h>

#include "isr.h"
#include "report.h"

/* report_begin() for a Cortex-M exception: the stacked PC is the pc= field. */
void cm_report_begin(unsigned vector, const struct exception_frame *frame);
/* The context fields: which stack held the frame (EXC_RETURN bit 2), where,
   what was interrupted (stacked IPSR: thread or an exception number), and
   the exceptions active now (nesting). */
void cm_report_context(const struct exception_frame *frame, uint32_t exc_return);

#endif
