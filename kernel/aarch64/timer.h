#ifndef TIMER_H
#define TIMER_H

/* The EL1 physical generic timer (Arm ARM D11), PPI 30 on virt. */
void timer_init(unsigned hz);
/* Count the next period; lowers the level-triggered interrupt. */
void timer_rearm(void);

#endif
