#ifndef TRAP_REPORT_H
#define TRAP_REPORT_H

#include <stdint.h>

#include "isr.h"
#include "report.h"

/* Nesting depth of GIC interrupts being handled (gic_dispatch), 0 outside any. */
extern volatile unsigned irq_depth;

/* The report line up to its arch fields: ESR_EL1 as err= on the entries that
   set it, ec/class/iss and the decoded syndrome, or intid= and depth= for a
   GIC interrupt. The caller may add fields, then ends it with a64_report_end. */
void a64_report_begin(unsigned vector, uint64_t esr, uint64_t far, uint64_t elr);
void a64_report_end(enum outcome outcome, const char *note);
/* Both, for a stub's trap frame. */
void a64_report(unsigned vector, const struct trap_frame *frame, enum outcome outcome, const char *note);

#endif
