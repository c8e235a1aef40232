#ifndef TIMER1_H
#define TIMER1_H

#include <stdbool.h>

void timer1_tick_init(unsigned hz);
/* `int 18`: compare B, programmed to match a few counts ahead. */
void timer1_raise_compb(void);
/* The bench (kernel/avr/bench.c): the tick's compare A interrupt off (or
   back on), and compare C made pending; call both with SREG.I clear. */
void timer1_bench_mask_tick(bool masked);
void timer1_bench_pend_compc(void);

#endif
