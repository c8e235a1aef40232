#ifndef CONSOLE_H
#define CONSOLE_H

#include <stdbool.h>
#include <stdint.h>

#define CONSOLE_CTRL_C 0x03

/* Output is whole lines: console_puts and kprintf mask interrupts while they
   write a line, so a report that a handler prints lands between two lines,
   never inside one; they let interrupts in after each newline, so a long text
   holds them off for one line at most. A report that finds the console in
   the middle of a line (a prompt, an echoed key) starts a line of its own. */
void console_putc(char c);
void console_puts(const char *s);
/* Between two lines of one output call: restore the masks saved before the
   line (a pending interrupt is taken here), then mask again for the next. */
unsigned long console_line_break(unsigned long saved);
/* True when the last character written ended a line (or nothing has been). */
bool console_at_line_start(void);
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
/* The next received byte into *c, if there is one. Call with interrupts masked. */
bool console_take(char *c);
/* Wait (sleeping on interrupts) for the next received byte (console_wait.c). */
char console_getc(void);

#endif
