#ifndef TICKS_H
#define TICKS_H

#include <stdint.h>

extern volatile uint64_t ticks;

/* Called by the arch's timer interrupt, arch_timer_hz() times a second;
   inline, so that an `abi` tick handler makes no call for it. */
static inline void ticks_advance(void)
{
    ticks = ticks + 1;
}

uint64_t ticks_now(void);
#include <stdbool.h>

/* The longest sleep the shell accepts: a day, far below where ms * hz wraps. */
#define SLEEP_MS_MAX 86400000ull

/* Sleep on the timer; false if Ctrl-C ended it early. */
bool sleep_ms(uint64_t ms);

#endif
