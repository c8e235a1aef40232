#ifndef PORTS_H
#define PORTS_H

#include <stdint.h>

/* An edge on P1.1 makes the PORT1 handler set GIE and wait this many ticks (`trap nest`). */
#define PORT1_NEST_PIN 0x02
#define PORT1_NEST_TICKS 3

/* Every P1 and P2 pin an input that interrupts on its rising edge. */
void ports_init(void);
/* Pins whose edge the last PORT1 / PORT2 interrupt reported. */
extern volatile uint8_t port1_last, port2_last;

#endif
