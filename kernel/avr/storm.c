/* The storm guard's mask (kernel/storm.h): the device's interrupt enable bit,
 * for the devices QEMU 7.2's mega2560 emulates and this kernel uses. */
#include <stdint.h>

#include "avr.h"
#include "storm.h"

static const struct {
    uint8_t vector;
    volatile uint8_t *enable;
    uint8_t bit;
    const char *name;
} masks[] = {
    {ISR_VEC_TIMER1_CAPT, &TIMSK1, ICIE1, "TIMSK1.ICIE1"}, {ISR_VEC_TIMER1_COMPA, &TIMSK1, OCIE1A, "TIMSK1.OCIE1A"},
    {ISR_VEC_TIMER1_COMPB, &TIMSK1, OCIE1B, "TIMSK1.OCIE1B"}, {ISR_VEC_TIMER1_COMPC, &TIMSK1, OCIE1C, "TIMSK1.OCIE1C"},
    {ISR_VEC_TIMER1_OVF, &TIMSK1, TOIE1, "TIMSK1.TOIE1"},
    {ISR_VEC_USART0_RX, &UCSR0B, RXCIE0, "UCSR0B.RXCIE0"}, {ISR_VEC_USART0_UDRE, &UCSR0B, UDRIE0, "UCSR0B.UDRIE0"},
    {ISR_VEC_USART0_TX, &UCSR0B, TXCIE0, "UCSR0B.TXCIE0"},
    {ISR_VEC_TIMER3_CAPT, &TIMSK3, ICIE3, "TIMSK3.ICIE3"}, {ISR_VEC_TIMER3_COMPA, &TIMSK3, OCIE3A, "TIMSK3.OCIE3A"},
    {ISR_VEC_TIMER3_COMPB, &TIMSK3, OCIE3B, "TIMSK3.OCIE3B"}, {ISR_VEC_TIMER3_COMPC, &TIMSK3, OCIE3C, "TIMSK3.OCIE3C"},
    {ISR_VEC_TIMER3_OVF, &TIMSK3, TOIE3, "TIMSK3.TOIE3"},
};

const char *arch_storm_mask(unsigned vector)
{
    for (unsigned i = 0; i < sizeof(masks) / sizeof(masks[0]); i++)
        if (masks[i].vector == vector) {
            *masks[i].enable &= (uint8_t)~(1u << masks[i].bit);
            return masks[i].name;
        }
    return 0;               /* a device this kernel does not drive */
}
