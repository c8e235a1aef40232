#ifndef TIMER_H
#define TIMER_H

#include <stdint.h>

/* The generic timer (ARM DDI 0406C B8): the PL1 physical timer ticks at hz on
   PPI 30 (IRQ); the virtual timer, PPI 27, is a one-shot that the spec puts
   on FIQ. */
void timer_init(unsigned hz);
/* Count the next period; lowers the level-triggered tick interrupt. */
void timer_rearm(void);
/* Fire the virtual timer once, us microseconds from now. */
void vtimer_fire_in(unsigned us);
/* Stop the virtual timer: lowers its interrupt. */
void vtimer_stop(void);
/* Busy-wait us microseconds on the physical count, whatever is masked. */
void timer_spin(unsigned us);

#endif
