/* The GIC side of the IRQ and FIQ entries: gic_irq and gic_fiq (bound in
 * isr/arm32.py with the compiler's interrupt("IRQ") and interrupt("FIQ")),
 * and the handlers the spec gives INTIDs.
 *
 * The two entries have the same body: the difference in what they save is
 * the convention's alone. FIQ mode banks r8-r12 (ARM DDI 0406C B1.3.2), so
 * the FIQ entry need not save r12 (nor r11, the frame pointer), which the
 * IRQ entry must save before calling C (tests/elf/test_arm32_elf.py).
 *
 * Neither entry unmasks its own kind: a nested IRQ in IRQ mode would
 * overwrite LR_irq while the outer handler still needs it. Nesting is FIQ
 * over IRQ, which the CPU allows (an IRQ entry masks I only) and the GIC
 * allows (every FIQ interrupt outranks every IRQ one, isr/arch_arm32). */
#include "arm32.h"
#include "gic.h"
#include "isr.h"
#include "arm/pl011.h"
#include "stats.h"
#include "storm.h"
#include "ticks.h"
#include "timer.h"
#include "trap_report.h"

#define FIQ_DELAY_US 1000            /* on_sgi_slow: the virtual timer fires this long after */
#define FIQ_WAIT_US 1000000          /* ... and this long without it is a bug */
#define SLOW_FIQ_US 30000            /* on_sgi_fiq_slow: three timer periods with IRQs held off */

volatile unsigned irq_depth;
/* The virtual timer's FIQs, which on_sgi_slow waits for. Counted by their
   handler, not by gic_dispatch: the IRQ and the FIQ path run the same
   instructions, and the bench windows differ only in what the entry saves. */
static volatile unsigned fiqs_taken;

typedef void (*gic_handler)(const struct gic_irq *irq);

/* Acknowledge, call the INTID's handler from the generated GIC table, end.
   Reading GICC_IAR raises the running priority to the interrupt's, so until
   the EOI only more urgent interrupts are signalled (IHI 0048B 3.3). */
__attribute__((noinline)) static void gic_dispatch(uint32_t fiq, uint32_t lr, uint32_t spsr)
{
    uint32_t iar = gic_acknowledge();
    struct gic_irq irq = {iar & 0x3ff, fiq, lr, spsr};
    if (irq.intid >= GIC_FIRST_SPECIAL) {
        /* Nothing was acknowledged, so nothing must be ended: an EOI here
           would end whatever interrupt is active below us. */
        unsigned vector = fiq ? ISR_VEC_FIQ : ISR_VEC_IRQ;
        stats_count(vector);
        a32_report_begin(vector, lr, spsr);
        report_field("intid", "%u", (unsigned)irq.intid);
        a32_report_end(RESUME, "spurious");
        return;
    }
    if (irq.intid < ISR_GIC_INTIDS && isr_gic_guarded[irq.intid])
        storm_entry(ISR_IRQ_BASE + irq.intid);  /* the CPU enters this entry for every INTID: count each here */
    irq_depth = irq_depth + 1;
    if (irq.intid < ISR_GIC_INTIDS)
        ((gic_handler)__isr_gic_table_start[irq.intid].entry)(&irq);
    else
        isr_default_gic(&irq);
    irq_depth = irq_depth - 1;
    gic_end(iar);
}

ISR_ABI_IRQ void gic_irq(void)
{
    gic_dispatch(0, (uint32_t)__builtin_return_address(0), r_spsr());
}

ISR_ABI_FIQ void gic_fiq(void)
{
    gic_dispatch(1, (uint32_t)__builtin_return_address(0), r_spsr());
}

static void irq_taken(const struct gic_irq *irq, const char *note)
{
    stats_count(ISR_IRQ_BASE + irq->intid);
    if (!note && irq_depth > 1)
        note = "nested";
    if (report_irqs || note)
        a32_report_gic(irq), a32_report_end(RESUME, note);
}

void on_timer_tick(const struct gic_irq *irq)
{
    ticks_advance();
    timer_rearm();          /* lowers the timer's level before the EOI */
    irq_taken(irq, 0);
}

void on_uart_rx(const struct gic_irq *irq)
{
    uart_drain_rx(ISR_IRQ_BASE + irq->intid);        /* emptying the receiver lowers RXRIS */
    irq_taken(irq, 0);
}

/* Raised on purpose (`int N`, or on_sgi_slow's timer): always reported. */
static void report_always(const struct gic_irq *irq)
{
    stats_count(ISR_IRQ_BASE + irq->intid);
    a32_report_gic(irq);
    a32_report_end(RESUME, irq_depth > 1 ? "nested" : 0);
}

void on_sgi(const struct gic_irq *irq)
{
    report_always(irq);
}

void on_sgi_fiq(const struct gic_irq *irq)
{
    report_always(irq);
}

void on_vtimer_fiq(const struct gic_irq *irq)
{
    vtimer_stop();          /* lowers the virtual timer's level before the EOI */
    fiqs_taken = fiqs_taken + 1;
    report_always(irq);
}

/* A slow IRQ handler: it starts the virtual timer (a FIQ) and waits for it
   in IRQ mode. CPSR.F is clear, the FIQ outranks this SGI's running
   priority: the FIQ handler runs nested, at depth 2, and this one reports after. */
void on_sgi_slow(const struct gic_irq *irq)
{
    unsigned before = fiqs_taken;
    uint64_t start = r_cntpct(), limit = (uint64_t)r_cntfrq() * FIQ_WAIT_US / 1000000;
    vtimer_fire_in(FIQ_DELAY_US);
    while (fiqs_taken == before && r_cntpct() - start < limit)
        ;
    stats_count(ISR_IRQ_BASE + irq->intid);
    a32_report_gic(irq);
    report_field("fiqs", "%u", fiqs_taken - before);
    a32_report_end(RESUME, 0);
}

/* A slow FIQ handler: FIQ entry masks I (and F), so the timer's IRQs wait
   until it returns. It reports how many ticks arrived meanwhile (none) and
   what the GIC holds pending (the timer's INTID). */
void on_sgi_fiq_slow(const struct gic_irq *irq)
{
    uint64_t before = ticks_now();
    timer_spin(SLOW_FIQ_US);
    stats_count(ISR_IRQ_BASE + irq->intid);
    a32_report_gic(irq);
    report_field("spun", "%uus", SLOW_FIQ_US);
    report_field("ticks", "%u", (unsigned)(ticks_now() - before));
    report_field("pending", "%u", (unsigned)gic_highest_pending());
    a32_report_end(RESUME, 0);
}

/* Called by sgi_naked_entry (sgi_naked.S). */
void sgi_naked_report(const struct gic_irq *irq)
{
    report_always(irq);
}
