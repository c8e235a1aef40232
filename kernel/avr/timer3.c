/* TIMER3 (datasheet 17), free for software: `int 32` programs compare A to
 * match a count after the counter starts, and its handler is the slow
 * nonblocking one that the tick nests in; `int 31` runs CTC mode 12 (TOP =
 * ICR3), where QEMU raises input capture at TOP (hw/timer/avr_timer16.c:
 * it has no capture pin, but ICF3 marks TOP in that mode).
 */
#include "avr.h"
#include "printf.h"
#include "report.h"
#include "stats.h"
#include "ticks.h"
#include "timer3.h"
#include "trap_report.h"

#define SLOW_TICKS 3                /* the slow handler spins, unmasked, through this many ticks */

void timer3_stop(void)
{
    TIMSK3 = 0;
    TCCR3B = 0;
}

/* Clock / 1024 (CS32 | CS30, datasheet table 17-6): one count every 64 us
   at 16 MHz, so a raise comes one count after the start and the same event
   comes again only a whole period later (compare A: 4.2 s; capture: 1 s). QEMU's AVR timers run
   on host time (no -icount on AVR): with a short period, a host that stalls
   QEMU for longer than it sees the event twice, and the second stays pending
   in the CPU, which neither the mask nor the stop withdraws (one `int 31`
   reported twice on a loaded host with TOP every 0x4001 clocks, 1 ms). */
#define ONE_SHOT_CLOCK (_BV(CS32) | _BV(CS30))

void timer3_raise_compa(void)
{
    timer3_stop();
    TCCR3A = 0;
    TCNT3 = 0;
    OCR3A = 1;
    TIFR3 = _BV(OCF3A);
    TIMSK3 = _BV(OCIE3A);
    TCCR3B = ONE_SHOT_CLOCK;        /* normal mode: matches one count later */
}

/* One capture, not a stream: the count starts one below TOP (ICR3), and
   TOP comes again 0x4001 counts (1 s) later. */
void timer3_raise_capt(void)
{
    timer3_stop();
    TCCR3A = 0;
    TCCR3B = _BV(WGM33) | _BV(WGM32);   /* mode 12 first: QEMU takes ICR3 writes only in it */
    ICR3 = 0x4000;                  /* QEMU 7.2 raised no capture with TOP 0xffff (seen) */
    TIFR3 = _BV(ICF3);
    TIMSK3 = _BV(ICIE3);
    TCCR3B = _BV(WGM33) | _BV(WGM32) | ONE_SHOT_CLOCK;
    TCNT3 = 0x4000 - 1;             /* after the start: written before it, QEMU 7.2 counted from 0 (seen) */
}

/* abi, nonblocking (avr-gcc `interrupt`, avr-libc ISR_NOBLOCK): its first
   instruction is `sei`, so the tick, a blocking handler, runs inside it
   while it waits for SLOW_TICKS ticks, and reports depth=2 note=nested;
   preempted= counts the ticks that arrived while this one ran. */
void on_timer3_slow(void)
{
    uint32_t pc = ABI_RETURN_PC();
    timer3_stop();                  /* one match per `int 32` */
    avr_nesting++;
    uint64_t start = ticks_now();
    while (ticks_now() - start < SLOW_TICKS)
        ;
    uint64_t preempted = ticks_now() - start;
    avr_nesting--;
    stats_count(ISR_VEC_TIMER3_COMPA);
    avr_report_begin(ISR_VEC_TIMER3_COMPA, pc);
    report_field("depth", "1");
    report_field("nonblocking", "1");
    report_field("preempted", "%u", (unsigned)preempted);
    report_end(RESUME);
}
