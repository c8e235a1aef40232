#include "arch.h"
#include "console.h"
#include "storm.h"
#include "ticks.h"

volatile uint64_t ticks;

/* A 32-bit CPU (Cortex-M3) loads a 64-bit value as two words, and the tick
   interrupt can land between the loads just as the low word carries into the
   high one: read twice until both reads agree, so no half-updated count escapes.
   (Two ticks between two back-to-back loads would need a far faster timer.) */
uint64_t ticks_now(void)
{
    uint64_t first, second;
    do {
        first = ticks;
        second = ticks;
    } while (first != second);
    return first;
}

bool ticks_stopped(void)
{
    return storm_masked(arch_tick_vector());
}

/* ms is bounded by the shell (SLEEP_MS_MAX), so ms * hz cannot wrap. */
enum sleep_end sleep_ms(uint64_t ms)
{
    unsigned hz = arch_timer_hz();
    uint64_t until = ticks_now() + (ms * hz + 999) / 1000;   /* round up: never sleep short */
    enum sleep_end end = SLEPT_WHOLE;
    /* Interrupts stay masked between the checks and the wait, so a tick, the
       UART's Ctrl-C or the storm guard masking the tick cannot slip in after
       the checks and leave the CPU asleep. A masked tick never comes again:
       waiting for it would last until a Ctrl-C. */
    arch_irq_disable();
    while (ticks_now() < until) {
        if (console_take_break()) {
            end = SLEEP_BROKEN;
            break;
        }
        if (ticks_stopped()) {
            end = SLEEP_CLOCK_STOPPED;
            break;
        }
        arch_wait_for_interrupt();
        storm_thread_ran();
    }
    arch_irq_enable();
    return end;
}
