#ifndef CONSOLE_H
#define CONSOLE_H

void console_putc(char c);
void console_puts(const char *s);
/* Called from the UART receive interrupt: queue one received byte. */
void console_rx_push(char c);
/* Wait (sleeping on interrupts) for the next received byte. */
char console_getc(void);

#endif
