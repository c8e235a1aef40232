/* USART0, the console (datasheet 22, "USART"): polled output, receive
 * interrupt (vector 25, USART0_RX) feeding the line editor, and the two
 * transmit interrupts that software can raise (26 UDRE, 27 TX).
 *
 * QEMU's avr-usart ignores the baud rate; UBRR0 is set as for real hardware
 * at 115200 baud (U2X0: UBRR = F_CPU / 8 / baud - 1, 2.1% off).
 */
#include "avr.h"
#include "console.h"
#include "report.h"
#include "stats.h"
#include "trap_report.h"
#include "usart0.h"

#define BAUD 115200UL

void usart0_init(void)
{
    UBRR0 = F_CPU_HZ / 8 / BAUD - 1;
    UCSR0A = _BV(U2X0);
    UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);                  /* 8 data bits, no parity, 1 stop */
    UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);       /* RX complete interrupts on */
    /* Keys typed before the receiver was on wait in QEMU's serial multiplexer,
       which hands them over only when the guest reads UDR0 (hw/char/avr_usart.c
       turns on RXEN without asking for input): with none delivered, none is
       ever read, and the console would never hear a key. One read with RXC0
       clear returns nothing and asks QEMU for them; real hardware just
       returns the empty buffer. A byte already there is left to the handler. */
    if (!(UCSR0A & _BV(RXC0)))
        (void)UDR0;
}

void usart0_putc(char c)
{
    while (!(UCSR0A & _BV(UDRE0)))                          /* data register empty */
        ;
    UDR0 = (uint8_t)c;
}

/* Reading UDR0 takes the byte and drops RXC0, which ends the interrupt. */
void on_usart0_rx(struct trap_frame *frame)
{
    while (UCSR0A & _BV(RXC0))
        console_rx_push((char)UDR0, (unsigned)frame->vector);
    stats_count(frame->vector);
    if (report_irqs)
        avr_report_frame(frame, RESUME);
}

/* UDRE fires while UDRIE is set and UDR0 is empty, which it is between
   bytes: the handler (usart0_udre_entry, naked) clears UDRIE. */
void usart0_raise_udre(void)
{
    UCSR0B |= _BV(UDRIE0);
}

/* QEMU raises TX complete as soon as a byte is written with TXCIE set
   (hw/char/avr_usart.c); real hardware does once the byte has left. The
   byte is a carriage return: it moves no text on the console. */
void usart0_raise_txc(void)
{
    UCSR0B |= _BV(TXCIE0);
    usart0_putc('\r');
}

/* abi: avr-gcc saves what this uses. TXCIE off: later bytes stay quiet. */
void on_usart0_tx(void)
{
    uint32_t pc = ABI_RETURN_PC();
    UCSR0B &= (uint8_t)~_BV(TXCIE0);
    stats_count(ISR_VEC_USART0_TX);
    avr_report(ISR_VEC_USART0_TX, pc, RESUME);
}
