#ifndef UART_CMSDK_H
#define UART_CMSDK_H

void uart_init(void);
void uart_putc(char c);
/* From the RX interrupt: acknowledge it and queue every received byte. */
/* vector: the one being handled, named if the console's ring overflows */
void uart_drain_rx(unsigned vector);

#endif
