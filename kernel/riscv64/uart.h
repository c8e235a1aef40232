#ifndef UART_H
#define UART_H

void uart_init(void);
void uart_enable_rx_interrupt(unsigned vector);    /* vector: the UART's, for the console */
/* From the external interrupt handler: queue every received byte. */
/* vector: the one being handled, named if the console's ring overflows */
void uart_drain_rx(unsigned vector);

#endif
