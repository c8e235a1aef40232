/* Digital I/O ports 1 and 2 (SLAU049 9.2.6): a pin edge selected by PxIES sets
 * its PxIFG bit and, with PxIE set, raises PORT1 or PORT2. The flags do not
 * clear themselves: the handler clears the ones it saw. mspdebug's `gpio`
 * device models both ports; the launcher drives their pins. */
#include "mcu.h"
#include "ports.h"
#include "stats.h"
#include "ticks.h"
#include "trap_report.h"

volatile uint8_t port1_last, port2_last;

void ports_init(void)
{
    P1DIR = 0;
    P1IES = 0;              /* low-to-high edges */
    P1IFG = 0;
    P1IE = 0xff;
    P2DIR = 0;
    P2IES = 0;
    P2IFG = 0;
    P2IE = 0xff;
}

/* `trap nest`: the CPU cleared GIE on entry; setting it again lets any
   interrupt in, the tick among them, whatever its vector (SLAU049 2.2.3). */
static void wait_ticks_interruptible(struct cpu_frame *frame, uint8_t pins)
{
    msp430_nesting = 1;
    uint64_t start = ticks_now();
    eint();
    while (ticks_now() < start + PORT1_NEST_TICKS)
        ;
    dint();
    msp430_nesting = 0;
    msp430_report_begin(ISR_VEC_PORT1, frame);
    report_field("pins", "0x%x", pins);
    report_field("depth", "1");
    report_field("preempted", "%u", (unsigned)(ticks_now() - start));
    msp430_report_end(frame, false);
}

/* abi: reports every time (a pin edge is rare), never wakes the CPU. */
void on_port1(void)
{
    struct cpu_frame *frame = ABI_CPU_FRAME();
    uint8_t pins = P1IFG;
    P1IFG &= ~pins;
    port1_last = pins;
    stats_count(ISR_VEC_PORT1);
    if (pins & PORT1_NEST_PIN) {
        wait_ticks_interruptible(frame, pins);
        return;
    }
    msp430_report_begin(ISR_VEC_PORT1, frame);
    report_field("pins", "0x%x", pins);
    msp430_report_end(frame, false);
}

/* The C half of the naked PORT2 entry (port2_entry.S), which wakes the CPU itself. */
void port2_taken(struct cpu_frame *frame);
void port2_taken(struct cpu_frame *frame)
{
    uint8_t pins = P2IFG;
    P2IFG &= ~pins;
    port2_last = pins;
    stats_count(ISR_VEC_PORT2);
    msp430_report_begin(ISR_VEC_PORT2, frame);
    report_field("pins", "0x%x", pins);
    msp430_report_end(frame, (frame->sr & SR_LPM_BITS) != 0);
}
