#ifndef CLINT_H
#define CLINT_H

#include <stdbool.h>

void clint_timer_start(unsigned hz);
void clint_timer_rearm(void);
void clint_soft_raise(void);
void clint_soft_clear(void);
/* Make interrupt cause pending where software can (SOFTWARE_RAISABLE): the
   CLINT's msip for MSI, mip for the others; false for any other cause. */
bool software_pend(unsigned cause);
/* The interrupt cause of vector, for `bench` and `probe`, if software can make
   it pending; else false, with why saying which vectors it can. */
bool software_cause(unsigned vector, unsigned *cause, const char **why);

#endif
