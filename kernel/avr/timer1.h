#ifndef TIMER1_H
#define TIMER1_H

void timer1_tick_init(unsigned hz);
/* `int 18`: compare B, programmed to match a few counts ahead. */
void timer1_raise_compb(void);

#endif
