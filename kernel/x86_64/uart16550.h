#ifndef UART16550_H
#define UART16550_H

#include "isr.h"

void uart_init(void);
void uart_enable_rx_interrupt(unsigned vector);    /* vector: the UART's, for the console */
/* IRQ 4 on demand: the transmitter-empty interrupt, enabled and then ended by the handler. */
void uart_raise_tx_interrupt(void);
ISR_CALLEE void uart_end_tx_interrupt(void);
/* Move every byte that the receiver holds into the console ring. */
/* vector: the one being handled, named if the console's ring overflows */
void uart_drain_rx(unsigned vector);

#endif
