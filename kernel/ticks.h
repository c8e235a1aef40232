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

/* Whether the clock is stopped: the storm guard has masked the tick's source
   (arch_tick_vector), and no tick comes until the next boot. */
bool ticks_stopped(void);

/* How a sleep ended. */
enum sleep_end {
    SLEPT_WHOLE,
    SLEEP_BROKEN,               /* by a Ctrl-C */
    SLEEP_CLOCK_STOPPED,        /* ticks_stopped(), before it or while it slept */
};

/* Sleep on the timer for ms milliseconds, or until one of the ends above. */
enum sleep_end sleep_ms(uint64_t ms);

#endif
