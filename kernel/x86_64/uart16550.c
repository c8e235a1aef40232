/* 16550 UART on COM1: polled output, interrupt-driven input. */
#include <stdint.h>

#include "arch.h"
#include "console.h"
#include "memlayout.h"
#include "uart16550.h"
#include "x86.h"

/* Register offsets from the base port. */
#define RBR 0       /* receive buffer (read) / THR transmit holding (write) */
#define IER 1       /* interrupt enable; with LCR.DLAB=1: divisor latch high */
#define FCR 2       /* FIFO control (write) / IIR interrupt identification (read) */
#define LCR 3       /* line control */
#define MCR 4       /* modem control */
#define LSR 5       /* line status */

#define IER_RX_AVAILABLE 0x01
#define IER_THR_EMPTY 0x02                /* raise the IRQ while the transmit holding register is empty */
#define FCR_ENABLE_CLEAR_TRIGGER1 0x07   /* FIFOs on, both cleared, RX interrupt at 1 byte */
#define LCR_DLAB 0x80                    /* registers 0/1 become the baud divisor */
#define LCR_8N1 0x03
#define MCR_DTR_RTS_OUT2 0x0b            /* on a PC, OUT2 gates the UART's IRQ line to the PIC */
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20

void uart_init(void)
{
    outb(COM1_PORT + IER, 0);
    outb(COM1_PORT + LCR, LCR_DLAB);
    outb(COM1_PORT + RBR, 1);            /* divisor 1: 115200 baud */
    outb(COM1_PORT + IER, 0);
    outb(COM1_PORT + LCR, LCR_8N1);
    outb(COM1_PORT + MCR, MCR_DTR_RTS_OUT2);
}

/* A byte typed before the kernel came up waits in RBR (the FIFOs are off
   after reset), and turning the FIFOs on clears it (changing FCR's enable
   bit resets both FIFOs): take it into the console first. */
void uart_enable_rx_interrupt(unsigned vector)
{
    uart_drain_rx(vector);
    outb(COM1_PORT + FCR, FCR_ENABLE_CLEAR_TRIGGER1);
    outb(COM1_PORT + IER, IER_RX_AVAILABLE);
}

/* The 16550 raises a THR-empty interrupt as soon as IER enables it with the
   transmitter idle: software's way to put a real request on IRQ 4. */
void uart_raise_tx_interrupt(void)
{
    outb(COM1_PORT + IER, IER_RX_AVAILABLE | IER_THR_EMPTY);
}

/* Off again, or every character sent would raise it anew. */
ISR_CALLEE void uart_end_tx_interrupt(void)
{
    outb(COM1_PORT + IER, IER_RX_AVAILABLE);
}

void arch_uart_putc(char c)
{
    while (!(inb(COM1_PORT + LSR) & LSR_THR_EMPTY))
        ;
    outb(COM1_PORT + RBR, (uint8_t)c);
}

/* Reading RBR until LSR says empty also clears the receive interrupt. */
void uart_drain_rx(unsigned vector)
{
    while (inb(COM1_PORT + LSR) & LSR_DATA_READY)
        console_rx_push((char)inb(COM1_PORT + RBR), vector);
}
