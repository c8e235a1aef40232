/* PL011 UART0 (ARM PrimeCell UART TRM, DDI 0183) of QEMU virt, shared by aarch64
 * and arm32: polled output, interrupt-fed input. UART0_BASE is each arch's
 * memlayout.h fact (the same 0x09000000 on both). */
#include <stdint.h>

#include "arm/mmio.h"
#include "arm/pl011.h"
#include "console.h"
#include "memlayout.h"

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

static inline uint32_t reg(uint32_t off)
{
    return mmio_read32(UART0_BASE + off);
}

static inline void set(uint32_t off, uint32_t v)
{
    mmio_write32(UART0_BASE + off, v);
}

void uart_init(void)
{
    set(UART_CR, 0);
    set(UART_ICR, INT_ALL);
    /* FEN (bit 4) clear: no FIFOs, so every received byte raises RXRIS at
       once instead of waiting for a FIFO level or the receive timeout. QEMU
       needs no baud rate divisors. */
    set(UART_LCR_H, LCR_H_WLEN8);
    set(UART_CR, CR_UARTEN | CR_TXE | CR_RXE);
}

void uart_putc(char c)
{
    while (reg(UART_FR) & FR_TXFF)
        ;
    set(UART_DR, (uint8_t)c);
}

/* A byte typed before the kernel came up waits in the receiver with no
   interrupt left to say so (uart_init cleared RXRIS), and while it waits
   QEMU's PL011 takes no other: left there, the console would never hear
   another key. Take it now, into the console as the handler would. */
void uart_enable_rx_interrupt(unsigned vector)
{
    set(UART_IMSC, INT_RX);
    uart_drain_rx(vector);
}

void uart_drain_rx(unsigned vector)
{
    /* Reading DR until RXFE lowers the receive interrupt (level triggered). */
    while (!(reg(UART_FR) & FR_RXFE))
        console_rx_push((char)(reg(UART_DR) & 0xff), vector);
}
