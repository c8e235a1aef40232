/* The GIC side of the IRQ entry: gic_dispatch (bound to EL1H_IRQ) and the
 * interrupt handlers that isr/aarch64.py gives INTIDs. */
#include "aarch64.h"
#include "gic.h"
#include "isr.h"
#include "arm/pl011.h"
#include "stats.h"
#include "storm.h"
#include "ticks.h"
#include "timer.h"
#include "trap_report.h"

#define SLOW_TICKS 3      /* how long on_sgi_slow runs with IRQs unmasked */

volatile unsigned irq_depth;

typedef void (*gic_handler)(struct trap_frame *frame);

/* Acknowledge, call the INTID's handler from the generated GIC table, end.
   Reading GICC_IAR raises the running priority to the interrupt's, so until
   the EOI only more urgent ones are signalled (IHI 0048B 3.3): that is what
   lets the timer, and nothing of its own priority, preempt on_sgi_slow. */
void gic_dispatch(struct trap_frame *frame)
{
    uint32_t iar = gic_acknowledge();
    unsigned intid = iar & 0x3ff;
    if (intid == GIC_SPURIOUS) {
        /* Nothing was acknowledged, so nothing must be ended: an EOI here
           would end whatever interrupt is active below us. */
        stats_count((unsigned)frame->vector);
        a64_report_begin((unsigned)frame->vector, 0, 0, frame->elr);
        report_field("intid", "%u", intid);
        a64_report_end(RESUME, "spurious");
        return;
    }
    frame->vector = ISR_IRQ_BASE + intid;
    if (intid < ISR_GIC_INTIDS && isr_gic_guarded[intid])
        storm_entry((unsigned)frame->vector);  /* the CPU enters this entry for every INTID: count each here */
    irq_depth = irq_depth + 1;
    if (intid < ISR_GIC_INTIDS)
        ((gic_handler)__isr_gic_table_start[intid].entry)(frame);
    else
        isr_default_handler(frame);
    irq_depth = irq_depth - 1;
    gic_end(iar);
}

static void irq_taken(struct trap_frame *frame, const char *note)
{
    stats_count((unsigned)frame->vector);
    if (!note && irq_depth > 1)
        note = "nested";
    if (report_irqs || note)
        a64_report((unsigned)frame->vector, frame, RESUME, note);
}

void on_timer_tick(struct trap_frame *frame)
{
    ticks_advance();
    timer_rearm();          /* lowers the timer's level before the EOI */
    irq_taken(frame, 0);
}

void on_uart_rx(struct trap_frame *frame)
{
    uart_drain_rx((unsigned)frame->vector);        /* emptying the receiver lowers RXRIS */
    irq_taken(frame, 0);
}

/* SGIs are raised on purpose by `int N`: always reported, like x86 `int`. */
void on_sgi(struct trap_frame *frame)
{
    stats_count((unsigned)frame->vector);
    a64_report((unsigned)frame->vector, frame, RESUME, 0);
}

/* A slow handler that unmasks IRQs: the SGI stays active (running priority
   0xa0), so the timer (0x80) preempts it and reports depth=2 note=nested. */
void on_sgi_slow(struct trap_frame *frame)
{
    uint64_t start = ticks_now();
    irq_enable();
    while (ticks_now() - start < SLOW_TICKS)
        wfi();
    irq_disable();
    stats_count((unsigned)frame->vector);
    a64_report_begin((unsigned)frame->vector, 0, 0, frame->elr);
    report_field("preempted", "%lu", ticks_now() - start);
    a64_report_end(RESUME, 0);
}

/* Called by sgi_naked_entry (sgi_naked.S). */
void sgi_naked_report(struct trap_frame *frame)
{
    stats_count((unsigned)frame->vector);
    a64_report((unsigned)frame->vector, frame, RESUME, 0);
}
