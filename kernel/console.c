/* Serial console: polled output, interrupt-fed input through a ring buffer.
 *
 * The ring has one producer (the UART receive interrupt) and one consumer
 * (the shell), so head and tail each have a single writer and need no lock;
 * the consumer only masks interrupts around its empty check so that it cannot
 * sleep through a byte that arrived between the check and the halt.
 */
#include <stdint.h>

#include "arch.h"
#include "console.h"
#include "storm.h"

#define RX_RING_SIZE 256       /* a power of two: indices wrap with a mask */

static char rx_ring[RX_RING_SIZE];
static volatile uint32_t rx_head;  /* written by the interrupt handler only */
static volatile uint32_t rx_tail;  /* written by console_getc only */

void console_putc(char c)
{
    if (c == '\n')
        arch_uart_putc('\r');
    arch_uart_putc(c);
}

void console_puts(const char *s)
{
    while (*s)
        console_putc(*s++);
}

void console_rx_push(char c)
{
    if (rx_head - rx_tail == RX_RING_SIZE)
        return;                /* full: drop the byte, as a UART overrun would */
    rx_ring[rx_head % RX_RING_SIZE] = c;
    rx_head = rx_head + 1;
}

char console_getc(void)
{
    arch_irq_disable();
    while (rx_head == rx_tail) {
        arch_wait_for_interrupt();   /* returns with interrupts masked again */
        storm_thread_ran();          /* got past the interrupts: no storm holds us */
    }
    char c = rx_ring[rx_tail % RX_RING_SIZE];
    rx_tail = rx_tail + 1;
    arch_irq_enable();
    return c;
}
