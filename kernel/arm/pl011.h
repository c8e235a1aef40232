#ifndef ARM_PL011_H
#define ARM_PL011_H

void uart_init(void);
void uart_putc(char c);
void uart_enable_rx_interrupt(unsigned vector);    /* vector: the UART's, for the console */
/* Move every received byte into the console ring; called from the RX interrupt. */
/* vector: the one being handled, named if the console's ring overflows */
void uart_drain_rx(unsigned vector);

#endif
