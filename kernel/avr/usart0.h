#ifndef USART0_H
#define USART0_H

#include <stdbool.h>

void usart0_init(void);
void usart0_putc(char c);
/* `int 26`: set UDRIE while the data register is empty. */
void usart0_raise_udre(void);
/* `int 27`: set TXCIE and send a byte: transmit complete. */
void usart0_raise_txc(void);

#endif
