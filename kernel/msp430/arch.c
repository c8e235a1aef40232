/* The MSP430 side of kernel/arch.h (MSP430F1611 under mspdebug's `sim`). */
#include "arch.h"
#include "host.h"
#include "mailbox.h"
#include "memlayout.h"
#include "mcu.h"
#include "ports.h"
#include "timer_a.h"
#include "watchdog.h"

#define TIMER_HZ 100

const char arch_pc_name[] = "pc";

void arch_init(void)
{
    watchdog_init();
    timer_a_init(TIMER_HZ);
    ports_init();
    IE1 |= NMIIE;           /* NMIIFG raises the NMI vector */
    eint();
}

const char *arch_name(void)
{
    return "msp430";
}

void arch_uart_putc(char c)
{
    mmio_write8(CONSOLE_OUT, (uint8_t)c);
}

void arch_irq_disable(void)
{
    dint();
}

void arch_irq_enable(void)
{
    eint();
}

unsigned long arch_irq_save(void)
{
    unsigned long sr = r_sr();
    dint();
    return sr;
}

void arch_irq_restore(unsigned long saved)
{
    if (saved & GIE)
        eint();
}

/* LPM0 until an interrupt handler clears CPUOFF in its saved SR: only the
   stub and naked handlers do (docs/arches/msp430.md: an abi handler cannot).
   First a stop at the launcher (HOST_IDLE): mspdebug's simulator steps
   through LPM0 one cycle at a time as fast as the host can, so the launcher
   holds it here until host time has caught up with the guest's idle time,
   and hands over what was typed meanwhile. Interrupts are masked, so an
   interrupt the launcher raises waits for the LPM0 below and wakes it. */
void arch_wait_for_interrupt(void)
{
    mailbox_offer(HOST_IDLE);
    lpm0_then_mask();
}

void arch_exit(int status)
{
    msp430_exit((uint16_t)status);
}

/* A watchdog password violation is the MSP430's software reset (a PUC,
 * SLAU049 10.2.3). The simulator starts the program again: the harness
 * sees the boot banner a second time. */
void arch_reset(void)
{
    watchdog_violate_password();
    for (;;) {
    }
}

unsigned arch_timer_hz(void)
{
    return TIMER_HZ;
}

/* Timer_A's CCR0 compare, on TIMERA0_VECTOR (kernel/msp430/timer_a.c). */
unsigned arch_tick_vector(void)
{
    return ISR_VEC_TIMERA0;
}
