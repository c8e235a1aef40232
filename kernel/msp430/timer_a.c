/* Timer_A as the tick (SLAU049 11): up mode from SMCLK / 8, CCR0 compare
 * interrupt on vector TIMERA0. CCIFG clears itself when the interrupt is taken.
 * TAR and TACCR0 are 16 bits: 8 MHz / 100 Hz would not fit, 1 MHz / 100 does. */
#include "memlayout.h"
#include "mcu.h"
#include "stats.h"
#include "ticks.h"
#include "timer_a.h"
#include "trap_report.h"

#define TIMER_DIVIDER 8                 /* ID_3 */

void timer_a_init(unsigned hz)
{
    TACTL = TACLR;                      /* stop and clear */
    TACCR0 = MCLK_HZ / TIMER_DIVIDER / hz - 1;  /* up mode counts 0..TACCR0: TACCR0 + 1 a period */
    TACCTL0 = CCIE;
    TACTL = TASSEL_2 | ID_3 | MC_1;     /* SMCLK, divided by 8, up mode */
}

/* `trap ccr1`: one CCR1 compare, half a tick period ahead in up mode. */
void timer_a_arm_ccr1(void)
{
    TACCR1 = TACCR0 / 2;
    TACCTL1 = CCIE;
}

void timer_a_irq_enable(int on)
{
    if (on)
        TACCTL0 |= CCIE;
    else
        TACCTL0 &= ~CCIE;
}

volatile uint16_t timer_a1_count;

/* abi: TIMERA1 is shared by CCR1, CCR2 and the overflow. Reading TAIV names the
   highest pending one and clears its flag (SLAU049 11.2.6); nothing else does,
   so a handler that skipped it would be entered again at once. CCR1 is one-shot. */
void on_timer_a1(void)
{
    struct cpu_frame *frame = ABI_CPU_FRAME();
    uint16_t iv = TAIV;
    TACCTL1 &= ~CCIE;
    timer_a1_count++;
    stats_count(ISR_VEC_TIMERA1);
    msp430_report_begin(ISR_VEC_TIMERA1, frame);
    report_field("taiv", "0x%x", iv);
    msp430_report_end(frame, false);
}

/* stub: the tick must end the LPM0 that sleep and console input wait in. */
void on_timer_a0(struct trap_frame *tf)
{
    struct cpu_frame *frame = (struct cpu_frame *)&tf->sr;
    ticks_advance();
    stats_count(tf->vector);
    bool woke = (frame->sr & SR_LPM_BITS) != 0;
    bool nested = msp430_nesting > 0;
    if (report_irqs || nested) {
        msp430_report_begin(tf->vector, frame);     /* the SR as the CPU saved it */
        if (nested) {
            report_field("depth", "%u", msp430_nesting + 1u);
            report_field("note", "nested");
        }
        msp430_report_end(frame, woke);
    }
    frame->sr &= ~SR_LPM_BITS;          /* RETI restores an SR that runs the CPU */
}
