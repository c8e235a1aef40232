/* TIMER1, the tick (datasheet 17, "16-bit Timer/Counter"): CTC mode 4
 * (WGM12: the counter clears when it matches OCR1A), clock/64, compare
 * match A interrupt (vector 17) at 100 Hz. Compare B (vector 18) matches on
 * the way up, so software raises it by setting OCR1B just ahead of TCNT1.
 */
#include "avr.h"
#include "report.h"
#include "stats.h"
#include "ticks.h"
#include "timer1.h"
#include "trap_report.h"

#define PRESCALE 64
#define COMPB_AHEAD 16              /* counts: 64 us at 250 kHz */

static uint16_t top;

void timer1_tick_init(unsigned hz)
{
    top = (uint16_t)(F_CPU_HZ / PRESCALE / hz - 1);      /* the period is OCR1A + 1 counts */
    TCCR1A = 0;
    OCR1A = top;
    TCNT1 = 0;
    TIMSK1 = _BV(OCIE1A);
    TCCR1B = _BV(WGM12) | _BV(CS11) | _BV(CS10);         /* CTC on OCR1A, clock / 64: starts */
}

/* abi, blocking (avr-gcc `signal`): the counter clears itself in CTC mode,
   and taking the vector clears OCF1A, so there is nothing to acknowledge. */
void on_tick(void)
{
    uint32_t pc = ABI_RETURN_PC();
    ticks_advance();
    stats_count(ISR_VEC_TIMER1_COMPA);
    if (report_irqs || avr_nesting)         /* a nested tick always reports: `trap nest` */
        avr_report(ISR_VEC_TIMER1_COMPA, pc, RESUME);
}

void timer1_raise_compb(void)
{
    uint16_t now = TCNT1;
    uint16_t at = now + COMPB_AHEAD < top ? now + COMPB_AHEAD : COMPB_AHEAD;   /* else early next period */
    OCR1B = at;
    TIFR1 = _BV(OCF1B);
    TIMSK1 |= _BV(OCIE1B);
}

/* stub: one match per `int 18`, so compare B goes off again. */
void on_timer1_compb(struct trap_frame *frame)
{
    TIMSK1 &= (uint8_t)~_BV(OCIE1B);
    stats_count(frame->vector);
    avr_report_frame(frame, RESUME);
}

void timer1_bench_mask_tick(void)
{
    TIMSK1 &= (uint8_t)~_BV(OCIE1A);
}

void timer1_bench_unmask_tick(void)
{
    TIMSK1 = (uint8_t)(TIMSK1 & ~_BV(OCIE1C)) | _BV(OCIE1A);
}

/* QEMU 7.2 schedules compare C when OCR1C is below the next event and fires
   it when TCNT1 reaches OCR1B (avr_timer16_set_alarm), so OCR1C = 0 and
   OCR1B just ahead. Its TIFR1 keeps what is written (a real one clears the
   flags written as 1): writing 1 and then 0 clears OCF1C on both, and the
   flag then says that the interrupt is pending. */
void timer1_bench_pend_compc(void)
{
    uint16_t now = TCNT1;
    OCR1C = 0;
    OCR1B = now + COMPB_AHEAD < top ? now + COMPB_AHEAD : COMPB_AHEAD;
    TIFR1 = _BV(OCF1C);
    TIFR1 = 0;
    TIMSK1 |= _BV(OCIE1C);
    while (!(TIFR1 & _BV(OCF1C)))
        ;
}
