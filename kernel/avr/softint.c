/* `int N`: the AVR has no software-interrupt instruction. Software raises a
 * vector only by making its device raise it, and on QEMU 7.2 only TIMER1,
 * TIMER3 and USART0 can (isr/arch_avr/ has the facts per vector): */
#include <stdint.h>

#include "arch.h"
#include "avr.h"
#include "printf.h"
#include "stats.h"
#include "string.h"
#include "ticks.h"
#include "timer1.h"
#include "timer3.h"
#include "usart0.h"

#define WAIT_TICKS 3                /* a raised interrupt comes within microseconds; give up after this */

static const struct raiser {
    uint8_t vector;
    void (*raise)(void);
} raisers[] = {
    {ISR_VEC_TIMER1_COMPB, timer1_raise_compb},
    {ISR_VEC_USART0_UDRE, usart0_raise_udre},
    {ISR_VEC_USART0_TX, usart0_raise_txc},
    {ISR_VEC_TIMER3_CAPT, timer3_raise_capt},
    {ISR_VEC_TIMER3_COMPA, timer3_raise_compa},
};

/* QEMU 7.2 delivers every vector numbered 33 or more as 33 on the 1280/2560
   (docs/arches/avr.md): TIMER3_COMPB's number. */
#define QEMU_LAST_VECTOR ISR_VEC_TIMER3_COMPB

/* Why software cannot raise a vector here, or 0 if it can. */
static const char *refusal(unsigned v)
{
    if (v == 0)
        return "RESET is where the CPU starts, not an interrupt";
    if (v >= QEMU_LAST_VECTOR)
        return "QEMU 7.2 delivers every vector from " NUMBER_TEXT(QEMU_LAST_VECTOR) " up as "
               NUMBER_TEXT(QEMU_LAST_VECTOR) " on the ATmega2560";
    if (v == ISR_VEC_TIMER1_COMPA)
        return "it is the tick: it fires 100 times a second already";
    if (v == ISR_VEC_USART0_RX)
        return "it comes from the host: type a character";
    if (v == ISR_VEC_TIMER1_CAPT || v == ISR_VEC_TIMER1_OVF)
        return "TIMER1 runs the tick in CTC mode on OCR1A: it never reaches ICR1 as TOP nor overflows";
    if (v == ISR_VEC_TIMER1_COMPC)
        return "QEMU 7.2 schedules compare C from OCR1B, so it never matches on its own";
    for (unsigned i = 0; i < sizeof(raisers) / sizeof(raisers[0]); i++)
        if (raisers[i].vector == v)
            return 0;
    return "QEMU's mega2560 does not emulate its device (only USART0-3 and TIMER1, 3, 4, 5)";
}

void arch_cmd_int(const char *arg)
{
    uint64_t vector;
    if (!arg || !parse_u64(arg, &vector) || vector >= ISR_VECTOR_COUNT) {
        kprintf("error: usage: int N, with N a vector from 1 to %u\n", ISR_VECTOR_COUNT - 1);
        return;
    }
    unsigned v = (unsigned)vector;
    const char *why = refusal(v);
    if (why) {
        kprintf("error: vector %u (%s) cannot be raised by software: %s\n", v, arch_vector_name(v), why);
        return;
    }
    uint64_t before = stats_get(v), start = ticks_now();
    for (unsigned i = 0; i < sizeof(raisers) / sizeof(raisers[0]); i++)
        if (raisers[i].vector == v)
            raisers[i].raise();
    cli();
    while (stats_get(v) == before && ticks_now() - start < WAIT_TICKS)
        poll_interrupts();
    sei();
    if (stats_get(v) == before)
        kprintf("int %s: not taken within %u ticks\n", arg, WAIT_TICKS);
    else
        kprintf("int %s: returned\n", arg);      /* as typed: 0x1a stays 0x1a */
}
