#ifndef TRAP_REPORT_H
#define TRAP_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "isr.h"
#include "report.h"

/* One report line for an x86_64 interrupt, with the error code decoded, the
   privilege it came from, the stack the handler runs on (found from where the
   CPU pushed its frame) and RFLAGS.IF as the handler sees it. */
void x86_report(unsigned vector, bool has_error, uint64_t error,
                const struct interrupt_frame *frame, enum outcome outcome, const char *note);
/* The same line up to its common fields; the caller adds its own with
   report_field() and ends it with report_end(). */
void x86_report_begin(unsigned vector, bool has_error, uint64_t error,
                      const struct interrupt_frame *frame);

#endif
