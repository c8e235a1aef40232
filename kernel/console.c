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

/* A power of two: indices wrap with a mask. The AVR's 8 KiB of SRAM also
   holds every string (they live in .data there), so its ring is smaller. */
#ifdef __AVR__
#define RX_RING_SIZE 128
#else
#define RX_RING_SIZE 256
#endif

static char rx_ring[RX_RING_SIZE];
static volatile uint32_t rx_head;  /* written by the interrupt handler only */
static volatile uint32_t rx_tail;  /* written by console_take and console_take_break only */

/* Bytes dropped because the ring was full, and the vector whose handler
   dropped the last one: the shell reports them, so lost input is never silent. */
static volatile uint32_t rx_dropped;
static volatile unsigned rx_dropped_vector;
/* A Ctrl-C arrived and nobody has taken it yet (console_take_break). */
static volatile bool rx_break;

static volatile bool at_line_start = true;

void console_putc(char c)
{
    if (c == '\n')
        arch_uart_putc('\r');
    arch_uart_putc(c);
    at_line_start = c == '\n';
}

bool console_at_line_start(void)
{
    return at_line_start;
}

unsigned long console_line_break(unsigned long saved)
{
    arch_irq_restore(saved);
    return arch_irq_save();
}

void console_puts(const char *s)
{
    unsigned long saved = arch_irq_save();
    for (; *s; s++) {
        console_putc(*s);
        if (*s == '\n' && s[1])
            saved = console_line_break(saved);
    }
    arch_irq_restore(saved);
}

void console_rx_push(char c, unsigned vector)
{
    if (c == CONSOLE_CTRL_C)
        rx_break = true;       /* even when the ring is full: it is how a user gets out */
    if (rx_head - rx_tail == RX_RING_SIZE) {
        rx_dropped = rx_dropped + 1;   /* full: drop the byte, as a UART overrun would, but count it */
        rx_dropped_vector = vector;
        return;
    }
    rx_ring[rx_head % RX_RING_SIZE] = c;
    rx_head = rx_head + 1;
}

uint32_t console_take_overrun(unsigned *vector)
{
    arch_irq_disable();
    uint32_t dropped = rx_dropped;
    *vector = rx_dropped_vector;
    rx_dropped = 0;
    arch_irq_enable();
    return dropped;
}

/* Ctrl-C is an interrupt key, as on a terminal: what was typed ahead of it
   is discarded with it. Called with interrupts masked, so that no Ctrl-C
   lands between clearing the flag and scanning the ring. */
bool console_take_break(void)
{
    if (!rx_break)
        return false;
    rx_break = false;
    uint32_t head = rx_head, last = rx_tail;
    for (uint32_t i = rx_tail; i != head; i++)
        if (rx_ring[i % RX_RING_SIZE] == CONSOLE_CTRL_C)
            last = i + 1;
    rx_tail = last;
    return true;
}

uint32_t console_rx_pending(void)
{
    return rx_head - rx_tail;
}

bool console_take(char *c)
{
    if (rx_head == rx_tail)
        return false;
    *c = rx_ring[rx_tail % RX_RING_SIZE];
    rx_tail = rx_tail + 1;
    if (*c == CONSOLE_CTRL_C)
        rx_break = false;      /* the line editor takes this one */
    return true;
}
