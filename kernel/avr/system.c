/* The default handler: every vector the spec leaves out. The AVR has no
 * faults, so an unexpected vector is always an interrupt whose source
 * someone enabled: report it and mask that source, so a device that keeps
 * its line up cannot storm. */
#include "avr.h"
#include "stats.h"
#include "timer3.h"
#include "trap_report.h"

static void mask_source(unsigned vector)
{
    switch (vector) {
    case ISR_VEC_TIMER1_CAPT:
        TIMSK1 &= (uint8_t)~_BV(ICIE1);
        break;
    case ISR_VEC_TIMER1_COMPB:
        TIMSK1 &= (uint8_t)~_BV(OCIE1B);
        break;
    case ISR_VEC_TIMER1_COMPC:
        TIMSK1 &= (uint8_t)~_BV(OCIE1C);
        break;
    case ISR_VEC_TIMER1_OVF:
        TIMSK1 &= (uint8_t)~_BV(TOIE1);
        break;
    case ISR_VEC_USART0_UDRE:
        UCSR0B &= (uint8_t)~_BV(UDRIE0);
        break;
    case ISR_VEC_USART0_TX:
        UCSR0B &= (uint8_t)~_BV(TXCIE0);
        break;
    case ISR_VEC_TIMER3_CAPT:
    case ISR_VEC_TIMER3_COMPA:
        timer3_stop();
        break;
    default:
        break;
    }
}

void isr_default_handler(struct trap_frame *frame)
{
    mask_source(frame->vector);
    stats_count(frame->vector);
    avr_report_begin(frame->vector, frame_pc(frame));
    report_field("sreg", "0x%x", frame->sreg);
    report_field("frame", "0x%x", (unsigned)(uintptr_t)frame);
    report_field("note", "unexpected-vector");
    report_end(RESUME);
}
