/* NS16550A UART0 on virt: polled output, interrupt-driven input (PLIC source 10). */
#include <stdint.h>

#include "arch.h"
#include "console.h"
#include "memlayout.h"
#include "mmio.h"
#include "uart.h"

/* Register offsets (byte registers, reg-shift 0 on virt). */
#define RBR 0       /* receive buffer (read) / THR transmit holding (write) */
#define IER 1       /* interrupt enable */
#define FCR 2       /* FIFO control (write) */
#define LCR 3       /* line control */
#define LSR 5       /* line status */

#define IER_RX_AVAILABLE 0x01
#define FCR_ENABLE_CLEAR 0x07   /* FIFOs on, both cleared, RX interrupt at 1 byte */
#define LCR_8N1 0x03            /* QEMU ignores the baud rate: no divisor to set */
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20

static uint8_t reg_read(unsigned reg) { return mmio_read8(UART0_BASE + reg); }
static void reg_write(unsigned reg, uint8_t v) { mmio_write8(UART0_BASE + reg, v); }

void uart_init(void)
{
    reg_write(IER, 0);
    reg_write(LCR, LCR_8N1);
}

/* A byte typed before the kernel came up waits in RBR (the FIFOs are off
   after reset), and turning the FIFOs on clears it (changing FCR's enable
   bit resets both FIFOs): take it into the console first. */
void uart_enable_rx_interrupt(unsigned vector)
{
    uart_drain_rx(vector);
    reg_write(FCR, FCR_ENABLE_CLEAR);
    reg_write(IER, IER_RX_AVAILABLE);
}

void arch_uart_putc(char c)
{
    while (!(reg_read(LSR) & LSR_THR_EMPTY))
        ;
    reg_write(RBR, (uint8_t)c);
}

/* Reading RBR until LSR says empty also drops the UART's interrupt line. */
void uart_drain_rx(unsigned vector)
{
    while (reg_read(LSR) & LSR_DATA_READY)
        console_rx_push((char)reg_read(RBR), vector);
}
