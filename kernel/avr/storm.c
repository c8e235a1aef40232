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
    {TIMER1_CAPT_vect_num, &TIMSK1, ICIE1, "TIMSK1.ICIE1"}, {TIMER1_COMPA_vect_num, &TIMSK1, OCIE1A, "TIMSK1.OCIE1A"},
    {TIMER1_COMPB_vect_num, &TIMSK1, OCIE1B, "TIMSK1.OCIE1B"}, {TIMER1_COMPC_vect_num, &TIMSK1, OCIE1C, "TIMSK1.OCIE1C"},
    {TIMER1_OVF_vect_num, &TIMSK1, TOIE1, "TIMSK1.TOIE1"},
    {USART0_RX_vect_num, &UCSR0B, RXCIE0, "UCSR0B.RXCIE0"}, {USART0_UDRE_vect_num, &UCSR0B, UDRIE0, "UCSR0B.UDRIE0"},
    {USART0_TX_vect_num, &UCSR0B, TXCIE0, "UCSR0B.TXCIE0"},
    {TIMER3_CAPT_vect_num, &TIMSK3, ICIE3, "TIMSK3.ICIE3"}, {TIMER3_COMPA_vect_num, &TIMSK3, OCIE3A, "TIMSK3.OCIE3A"},
    {TIMER3_COMPB_vect_num, &TIMSK3, OCIE3B, "TIMSK3.OCIE3B"}, {TIMER3_COMPC_vect_num, &TIMSK3, OCIE3C, "TIMSK3.OCIE3C"},
    {TIMER3_OVF_vect_num, &TIMSK3, TOIE3, "TIMSK3.TOIE3"},
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
