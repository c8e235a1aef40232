#ifndef FAULTS_H
#define FAULTS_H

#include <stdint.h>

#include "isr.h"

/* Count, decode, report and settle one fault: the armed recovery point, or panic. */
void fault_taken(unsigned vector, struct exception_frame *frame, uint32_t exc_return, const char *note);

#endif
