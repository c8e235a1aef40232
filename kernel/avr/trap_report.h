#ifndef TRAP_REPORT_H
#define TRAP_REPORT_H

#include <stdint.h>

#include "isr.h"
#include "report.h"

/* report_begin() for an AVR vector; pc is a byte address. */
void avr_report_begin(unsigned vector, uint32_t pc);
/* A whole report line for an `abi` or `naked` handler: the PC, then
   depth=N note=nested when it ran inside a nonblocking handler. */
void avr_report(unsigned vector, uint32_t pc, enum outcome outcome);
/* A whole report line for a stub frame: the PC, the interrupted SREG, the frame. */
void avr_report_frame(const struct trap_frame *frame, enum outcome outcome);

/* Nonblocking handlers running now: the tick reports nested=1 inside one. */
extern volatile uint8_t avr_nesting;

#endif
