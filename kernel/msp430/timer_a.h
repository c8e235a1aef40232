#ifndef TIMER_A_H
#define TIMER_A_H

#include <stdint.h>

void timer_a_init(unsigned hz);
void timer_a_irq_enable(int on);
void timer_a_arm_ccr1(void);
/* TIMERA1 interrupts taken so far. */
extern volatile uint16_t timer_a1_count;

#endif
