/* Interrupt handlers named by isr/cortex-m.py: the SysTick tick, UART0 input,
 * and the software-pended lines that show NVIC priorities at work:
 * TIMER0 (priority 0xc0) and TIMER1 (0x40) for preemption, DUALTIMER and
 * IRQ11 (both 0xa0) for tail-chaining. The timers themselves are never
 * started, so only software pends those four lines.
 */
#include "cm3.h"
#include "irq.h"
#include "nvic.h"
#include "report.h"
#include "stats.h"
#include "ticks.h"
#include "trap_report.h"
#include "uart_cmsdk.h"

volatile bool timer0_pends_timer1;

static void irq_taken(unsigned vector, const struct exception_frame *frame, uint32_t exc_return, bool always)
{
    stats_count(vector);
    if (!report_irq_wanted(vector) && !always)
        return;
    cm_report_begin(vector, frame);
    report_field("prio", "0x%x", (unsigned)nvic_priority(vector));
    cm_report_context(frame, exc_return);
    report_end(RESUME);
}

#define ABI_IRQ_TAKEN(vector, always) \
    irq_taken(vector, ABI_EXCEPTION_FRAME(), (uint32_t)__builtin_return_address(0), always)

void on_systick(void)
{
    ticks_advance();
    ABI_IRQ_TAKEN(EXC_SYSTICK, false);
}

void on_uart0_rx(struct trap_frame *tf)
{
    uart_drain_rx(tf->vector);
    irq_taken(tf->vector, tf->frame, tf->exc_return, false);
}

/* Reports first, then (for `trap preempt`) pends TIMER1: with its higher
   priority it preempts this handler at once, and its report says from=24. */
void on_timer0(void)
{
    ABI_IRQ_TAKEN(ISR_VEC_TIMER0, true);
    if (timer0_pends_timer1) {
        timer0_pends_timer1 = false;
        nvic_pend(ISR_VEC_TIMER1);
    }
}

void on_timer1(struct trap_frame *tf)
{
    irq_taken(tf->vector, tf->frame, tf->exc_return, true);
}

void on_dualtimer(void)
{
    ABI_IRQ_TAKEN(ISR_VEC_DUALTIMER, true);
}

void on_irq11(struct trap_frame *tf)
{
    irq_taken(tf->vector, tf->frame, tf->exc_return, true);
}
