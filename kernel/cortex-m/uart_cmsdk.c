/* CMSDK APB UART0 (ARM CoreLink SDK, as QEMU's cmsdk-apb-uart models it):
 * one-byte TX and RX buffers, an RX interrupt on IRQ 0. */
#include "cm3.h"
#include "console.h"
#include "memlayout.h"
#include "uart_cmsdk.h"

#define DATA (UART0_BASE + 0x00)
#define STATE (UART0_BASE + 0x04)
#define STATE_TX_FULL (1u << 0)
#define STATE_RX_FULL (1u << 1)
#define CTRL (UART0_BASE + 0x08)
#define CTRL_TX_EN (1u << 0)
#define CTRL_RX_EN (1u << 1)
#define CTRL_RX_INT_EN (1u << 3)
#define INTCLEAR (UART0_BASE + 0x0c)      /* write 1 to clear; reads as INTSTATUS */
#define INT_RX (1u << 1)
#define BAUDDIV (UART0_BASE + 0x10)       /* QEMU accepts no byte while BAUDDIV < 16 */
#define BAUD 115200

void uart_init(void)
{
    mmio_write(BAUDDIV, SYSCLK_HZ / BAUD);
    mmio_write(CTRL, CTRL_TX_EN | CTRL_RX_EN | CTRL_RX_INT_EN);
    /* Keys typed before the receiver was on wait in QEMU's serial multiplexer,
       which hands them over only when the guest reads DATA (hw/char/cmsdk-apb-uart.c
       turns on RX_EN without asking for input): with none delivered, none is
       ever read, and the console would never hear a key. One read of the empty
       buffer asks QEMU for them; on the hardware it returns a stale byte, unused. */
    if (!(mmio_read(STATE) & STATE_RX_FULL))
        (void)mmio_read(DATA);
}

void uart_putc(char c)
{
    while (mmio_read(STATE) & STATE_TX_FULL)
        ;
    mmio_write(DATA, (uint8_t)c);
}

/* Clear the interrupt before draining: a byte that lands after the last read
   sets it again, so none waits without an interrupt to fetch it. */
void uart_drain_rx(unsigned vector)
{
    mmio_write(INTCLEAR, INT_RX);
    while (mmio_read(STATE) & STATE_RX_FULL)
        console_rx_push((char)mmio_read(DATA), vector);
}
