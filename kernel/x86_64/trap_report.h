#ifndef TRAP_REPORT_H
#define TRAP_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "isr.h"
#include "report.h"

/* One report line for an x86_64 interrupt, with the error code decoded and the
   stack the handler runs on (found from where the CPU pushed its frame). */
void x86_report(unsigned vector, const char *style, bool has_error, uint64_t error,
                const struct interrupt_frame *frame, enum outcome outcome, const char *note);

#endif
