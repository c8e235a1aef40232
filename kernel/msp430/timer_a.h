#ifndef TIMER_A_H
#define TIMER_A_H

void timer_a_init(unsigned hz);
void timer_a_irq_enable(int on);

#endif
