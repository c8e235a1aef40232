#ifndef TRAP_REPORT_H
#define TRAP_REPORT_H

#include <stdint.h>

#include "isr.h"
#include "report.h"

/* Nesting depth of GIC interrupts being handled (irq.c), 0 outside any. */
extern volatile unsigned irq_depth;

/* The report line up to its arch fields, for a VBAR entry: pc= (the preferred
   return address, LR minus the vector's offset), lr= (the banked LR), mode=
   (the mode whose banked registers the handler runs on), from= (SPSR's mode),
   and for an abort the fault status as err=, then dfar/ifar, fs, access.
   Call it in the handler before anything can abort again. */
void a32_report_begin(unsigned vector, uint32_t lr, uint32_t spsr);
/* The same for a GIC interrupt: intid=, kind= (irq or fiq) and depth= too. */
void a32_report_gic(const struct gic_irq *irq);
void a32_report_end(enum outcome outcome, const char *note);

#endif
