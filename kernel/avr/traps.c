/* `trap NAME`. The AVR raises no CPU exceptions at all: no faults (an
 * unknown opcode is not trapped), no traps, no error codes, and BREAK only
 * stops an attached debugger. What `trap` offers instead is the scenario
 * that the AVR's two abi conventions make: a nonblocking handler
 * (ISR_NOBLOCK) that the blocking tick nests in (`trap nest`, as on the
 * other arches). */
#include "arch.h"
#include "avr.h"
#include "timer3.h"

static void raise_nest(void)
{
    timer3_raise_compa();
    /* Return only once the slow handler has: it interrupts this loop, whose
       next check runs after its RETI and sees TIMER3 stopped (its first act). */
    arch_irq_disable();
    while (TIMSK3 || TCCR3B)
        arch_wait_for_interrupt();
    arch_irq_enable();
}

const struct trap_trigger arch_traps[] = {
    {"nest", "TIMER3 compare A: its nonblocking handler waits 3 ticks, which nest in it", raise_nest, 0},
};

const unsigned arch_trap_count = sizeof(arch_traps) / sizeof(arch_traps[0]);
