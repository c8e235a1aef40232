#ifndef TIMER3_H
#define TIMER3_H

/* `int 32`: compare A programmed to match at once. */
void timer3_raise_compa(void);
/* `int 31`: CTC mode 12 with a small ICR3: input capture flag at TOP. */
void timer3_raise_capt(void);
/* Stop TIMER3 and mask its interrupts. */
void timer3_stop(void);

#endif
