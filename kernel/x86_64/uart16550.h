#ifndef UART16550_H
#define UART16550_H

void uart_init(void);
void uart_enable_rx_interrupt(void);
/* Move every byte that the receiver holds into the console ring. */
/* vector: the one being handled, named if the console's ring overflows */
void uart_drain_rx(unsigned vector);

#endif
