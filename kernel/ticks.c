#include "arch.h"
#include "ticks.h"

volatile uint64_t ticks;

uint64_t ticks_now(void)
{
    return ticks;
}

void sleep_ms(uint64_t ms)
{
    unsigned hz = arch_timer_hz();
    uint64_t until = ticks + (ms * hz + 999) / 1000;   /* round up: never sleep short */
    arch_irq_disable();
    while (ticks < until)
        arch_wait_for_interrupt();
    arch_irq_enable();
}
