/* `trap NAME`. The AVR raises no CPU exceptions at all: no faults (an
 * unknown opcode is not trapped), no traps, no error codes, and BREAK only
 * stops an attached debugger. What `trap` offers instead is the scenario
 * only the AVR's interrupt conventions make: a nonblocking handler
 * (ISR_NOBLOCK) that the blocking tick nests in, with every tick reported. */
#include "arch.h"
#include "avr.h"
#include "report.h"
#include "timer3.h"

static bool irqs_were_reported;

static void raise_nest(void)
{
    irqs_were_reported = report_irqs;
    report_irqs = true;
    timer3_raise_compa();
    /* The shell's next step waits on nothing: let the slow handler finish first. */
    arch_irq_disable();
    while (TIMSK3 || TCCR3B)            /* timer3_stop() is the handler's first act */
        arch_wait_for_interrupt();
    arch_irq_enable();
}

static void restore_nest(void)
{
    report_irqs = irqs_were_reported;
}

const struct trap_trigger arch_traps[] = {
    {"nest", "TIMER3 compare A: a slow nonblocking handler; the tick nests in it", raise_nest, restore_nest},
};

const unsigned arch_trap_count = sizeof(arch_traps) / sizeof(arch_traps[0]);
