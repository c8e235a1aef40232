#ifndef EXCEPTIONS_H
#define EXCEPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "isr.h"

/* Count, report and settle one CPU exception: resume the interrupted code,
   send it to the armed recovery point, or panic. */
ISR_CALLEE void exception_taken(unsigned vector, bool has_error, uint64_t error,
                                struct interrupt_frame *frame, const char *note);

/* Make the interrupted context, ring 0 or ring 3, return to the shell's
   recovery point when the handler returns. */
ISR_CALLEE void send_to_recovery(struct interrupt_frame *frame);

#endif
