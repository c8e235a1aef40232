#ifndef IRQ_H
#define IRQ_H

#include <stdbool.h>

/* Set by `trap preempt`: the next TIMER0 interrupt pends TIMER1 from its handler. */
extern volatile bool timer0_pends_timer1;

#endif
