#ifndef CLINT_H
#define CLINT_H

void clint_timer_start(unsigned hz);
void clint_timer_rearm(void);
void clint_soft_raise(void);
void clint_soft_clear(void);

#endif
