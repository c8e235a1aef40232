/* The watchdog in interval-timer mode (SLAU049 10.2.4): it sets WDTIFG every
 * 32768 ACLK cycles (about a second) and raises the WDT vector; WDTIFG clears
 * itself when the interrupt is taken. WDTNMI makes the RST/NMI pin an NMI input. */
#include "mcu.h"
#include "stats.h"
#include "timer_a.h"
#include "trap_report.h"
#include "watchdog.h"

volatile uint16_t watchdog_count;
volatile uint16_t watchdog_then_tick;
static uint16_t interval_bits;

static void write_control(void)
{
    WDTCTL = WDTPW | WDTTMSEL | WDTCNTCL | WDTSSEL | WDTNMI | interval_bits;
}

void watchdog_init(void)
{
    interval_bits = 0;                  /* WDTISx = 0: ACLK / 32768 */
    write_control();
    IE1 |= WDTIE;
}

void watchdog_interval(uint16_t cycles)
{
    interval_bits = cycles == 64 ? (WDTIS0 | WDTIS1) : cycles == 512 ? WDTIS1 : cycles == 8192 ? WDTIS0 : 0;
    write_control();
}

void watchdog_irq_enable(int on)
{
    if (on)
        IE1 |= WDTIE;
    else
        IE1 &= ~WDTIE;
}

void watchdog_violate_password(void)
{
    WDTCTL = WDTHOLD;                   /* no WDTPW: a password violation, PUC */
}

/* abi: clang saves what this uses and returns with RETI, restoring the SR
   the CPU saved: a CPU asleep in LPM0 sleeps on. */
void on_watchdog(void)
{
    struct cpu_frame *frame = ABI_CPU_FRAME();
    watchdog_count++;
    stats_count(ISR_VEC_WDT);
    if (watchdog_then_tick && --watchdog_then_tick == 0)
        timer_a_irq_enable(1);
    if (!report_irqs)
        return;
    msp430_report_begin(ISR_VEC_WDT, frame);
    msp430_report_end(frame, false);
}
