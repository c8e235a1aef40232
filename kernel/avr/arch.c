/* The AVR side of kernel/arch.h (QEMU mega2560, ATmega2560 at 16 MHz). */
#include "arch.h"
#include "avr.h"
#include "timer1.h"
#include "usart0.h"

#define TIMER_HZ 100

const char arch_pc_name[] = "pc";

void arch_init(void)
{
    usart0_init();
    timer1_tick_init(TIMER_HZ);
    sei();
}

const char *arch_name(void)
{
    return "avr";
}

void arch_uart_putc(char c)
{
    usart0_putc(c);
}

void arch_irq_disable(void)
{
    cli();
}

void arch_irq_enable(void)
{
    sei();
}

unsigned long arch_irq_save(void)
{
    unsigned long sreg = SREG;
    cli();
    return sreg;
}

/* poll_interrupts() first: a plain SEI would let a pending interrupt wait
   for a block boundary that may come only much later (avr.h). */
void arch_irq_restore(unsigned long saved)
{
    if (saved & _BV(SREG_I)) {
        poll_interrupts();
        sei();
    }
}

/* Polls rather than sleeps: see poll_interrupts() in avr.h. */
void arch_wait_for_interrupt(void)
{
    poll_interrupts();
}

/* No exit device: the shell has printed `exit status=N`; park with N in r24
   for the launcher to read over QMP. */
void arch_exit(int status)
{
    avr_park((uint8_t)status);
}

/* The ATmega2560 resets itself through its watchdog, which QEMU 7.2 does not
 * model: start again at the reset vector instead. QEMU does not see a reset,
 * so it does not stop; the harness sees the boot banner a second time. */
void arch_reset(void)
{
    __asm__ volatile("cli\n\tjmp 0" ::: "memory");
    for (;;) {
    }
}

unsigned arch_timer_hz(void)
{
    return TIMER_HZ;
}

/* TIMER1's compare match A, vector 17 on the ATmega2560 (kernel/avr/timer1.c). */
unsigned arch_tick_vector(void)
{
    return ISR_VEC_TIMER1_COMPA;
}
