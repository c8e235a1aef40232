#ifndef TIMER1_H
#define TIMER1_H

void timer1_tick_init(unsigned hz);
/* `int 18`: compare B, programmed to match a few counts ahead. */
void timer1_raise_compb(void);
/* The bench (kernel/avr/bench.c): the tick's compare A interrupt off, back
   on (compare C off), and compare C made pending; call them with SREG.I
   clear. */
void timer1_bench_mask_tick(void);
void timer1_bench_unmask_tick(void);
void timer1_bench_pend_compc(void);

#endif
