#ifndef CONSOLE_H
#define CONSOLE_H

#include <stdbool.h>
#include <stdint.h>

#define CONSOLE_CTRL_C 0x03

void console_putc(char c);
void console_puts(const char *s);
/* Called from the UART receive interrupt (vector): queue one received byte. */
void console_rx_push(char c, unsigned vector);
/* Bytes dropped since the last call because the receive ring was full, and the
   vector of the handler that dropped the last of them. */
uint32_t console_take_overrun(unsigned *vector);
/* True once per Ctrl-C received and not yet read: input up to it is discarded.
   Call with interrupts masked. */
bool console_take_break(void);
/* Bytes received and not yet read. */
uint32_t console_rx_pending(void);
/* Wait (sleeping on interrupts) for the next received byte. */
char console_getc(void);

#endif
