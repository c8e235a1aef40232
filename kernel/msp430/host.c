#include "host.h"

static uint16_t sequence;

void msp430_host_request(enum host_request what, uint16_t arg, uint16_t arg2)
{
    msp430_host_call((uint16_t)what, arg, arg2, ++sequence);
}
