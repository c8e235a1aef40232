#include "host.h"

/* In RAM that boot/msp430/entry.S leaves alone, so that a reset (`trap reset`)
   does not start the numbers again and make a new request look like the last. */
__attribute__((section(".noinit"))) static uint16_t sequence;

void msp430_host_request(enum host_request what, uint16_t arg, uint16_t arg2)
{
    msp430_host_call((uint16_t)what, arg, arg2, ++sequence);
}
