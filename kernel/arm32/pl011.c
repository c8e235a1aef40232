/* PL011 UART0 (ARM PrimeCell UART TRM, DDI 0183): polled output, interrupt-fed input. */
#include <stdint.h>

#include "arm32.h"
#include "console.h"
#include "memlayout.h"
#include "pl011.h"

#define UART_DR 0x000      /* data: read pops a received byte, write queues one to send */
#define UART_FR 0x018      /* flags */
#define UART_LCR_H 0x02c   /* line control */
#define UART_CR 0x030      /* control */
#define UART_IMSC 0x038    /* interrupt mask set/clear: 1 = enabled */
#define UART_ICR 0x044     /* interrupt clear */

#define FR_RXFE (1u << 4)  /* receive FIFO empty */
#define FR_TXFF (1u << 5)  /* transmit FIFO full */
#define LCR_H_WLEN8 (3u << 5)
#define CR_UARTEN (1u << 0)
#define CR_TXE (1u << 8)
#define CR_RXE (1u << 9)
#define INT_RX (1u << 4)   /* RXIM: receive interrupt */
#define INT_ALL 0x7ffu

void uart_init(void)
{
    mmio_write32(UART0_BASE + UART_CR, 0);
    mmio_write32(UART0_BASE + UART_ICR, INT_ALL);
    /* FEN (bit 4) clear: no FIFOs, so each received byte raises RXRIS at once
       rather than at a FIFO level or the receive timeout. QEMU needs no divisors. */
    mmio_write32(UART0_BASE + UART_LCR_H, LCR_H_WLEN8);
    mmio_write32(UART0_BASE + UART_CR, CR_UARTEN | CR_TXE | CR_RXE);
}

void uart_putc(char c)
{
    while (mmio_read32(UART0_BASE + UART_FR) & FR_TXFF)
        ;
    mmio_write32(UART0_BASE + UART_DR, (uint8_t)c);
}

void uart_enable_rx_interrupt(void)
{
    mmio_write32(UART0_BASE + UART_IMSC, INT_RX);
}

void uart_drain_rx(void)
{
    /* Reading DR until RXFE lowers the receive interrupt (level triggered). */
    while (!(mmio_read32(UART0_BASE + UART_FR) & FR_RXFE))
        console_rx_push((char)(mmio_read32(UART0_BASE + UART_DR) & 0xff));
}
