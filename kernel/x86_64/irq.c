/* Hardware interrupt handlers named by isr/x86_64.py: PIT tick, COM1 input,
 * and the two lines on which the 8259 reports spurious interrupts; and the
 * slow COM1 interrupt in which the timer nests. */
#include "isr.h"
#include "memlayout.h"
#include "pic8259.h"
#include "report.h"
#include "stats.h"
#include "ticks.h"
#include "trap_report.h"
#include "uart16550.h"
#include "x86.h"

ISR_CALLEE static void irq_taken(unsigned irq, const struct interrupt_frame *frame, const char *note)
{
    stats_count(ISR_IRQ_BASE + irq);
    if (report_irq_wanted(ISR_IRQ_BASE + irq) || note)
        x86_report(ISR_IRQ_BASE + irq, false, 0, frame, RESUME, note);
}

#define SLOW_TICKS 3        /* how long the slow COM1 handler keeps IRQ 4 in service */

/* Interrupt handlers running now, the current one included: above 1, one
   interrupted another. */
static volatile unsigned irq_depth;
/* `trap nest` arms it: the next COM1 interrupt is the slow one. */
static volatile bool com1_slow;

/* A timer tick that preempted the slow COM1 handler reports always, with the
   8259's in-service bits: IRQ 4's still set, IRQ 0's now too. */
ISR_CALLEE static void report_nested(unsigned irq, const struct interrupt_frame *frame)
{
    stats_count(ISR_IRQ_BASE + irq);
    x86_report_begin(ISR_IRQ_BASE + irq, false, 0, frame);
    report_field("depth", "%u", irq_depth);
    report_field("inservice", "0x%x", pic_in_service());
    report_field("note", "nested");
    report_end(RESUME);
}

ISR_ABI void on_pit_tick(struct interrupt_frame *frame)
{
    irq_depth = irq_depth + 1;
    ticks = ticks + 1;  /* not ticks_advance(): clang refuses even an inline call from an ISR */
    if (irq_depth > 1)
        report_nested(PIT_IRQ, frame);
    else
        irq_taken(PIT_IRQ, frame, 0);
    pic_eoi(PIT_IRQ);
    irq_depth = irq_depth - 1;
}

/* The slow handler: it sets IF again before its EOI, so the CPU takes any
   interrupt the 8259 passes, and the 8259 passes only lines of higher
   priority than IRQ 4 while IRQ 4 is in service: the timer's IRQ 0 nests, the
   UART's own receive interrupts and IRQ 5-7 wait for the EOI. */
static void com1_slow_path(const struct interrupt_frame *frame)
{
    uart_end_tx_interrupt();
    uint64_t start = ticks;
    sti();
    while (ticks - start < SLOW_TICKS)
        hlt();
    cli();
    stats_count(ISR_IRQ_BASE + COM1_IRQ);
    x86_report_begin(ISR_IRQ_BASE + COM1_IRQ, false, 0, frame);
    report_field("depth", "%u", irq_depth);
    report_field("inservice", "0x%x", pic_in_service());
    report_field("preempted", "%lu", ticks - start);
    report_end(RESUME);
}

void on_com1(struct trap_frame *frame)
{
    irq_depth = irq_depth + 1;
    uart_drain_rx((unsigned)frame->vector);
    if (com1_slow) {
        com1_slow = false;
        com1_slow_path(&frame->iret);
    } else {
        irq_taken(frame->vector - ISR_IRQ_BASE, &frame->iret, 0);
    }
    pic_eoi(COM1_IRQ);
    irq_depth = irq_depth - 1;
}

/* `trap nest`: a real IRQ 4 through the 8259, whose handler is slow. */
void raise_nest(void)
{
    com1_slow = true;
    uart_raise_tx_interrupt();          /* interrupts are on: taken at once */
}

ISR_ABI void on_master_spurious(struct interrupt_frame *frame)
{
    if (pic_is_spurious(MASTER_SPURIOUS_IRQ)) {
        irq_taken(MASTER_SPURIOUS_IRQ, frame, "spurious");   /* no EOI: nothing in service */
        return;
    }
    irq_taken(MASTER_SPURIOUS_IRQ, frame, 0);
    pic_eoi(MASTER_SPURIOUS_IRQ);
}

void on_slave_spurious(struct trap_frame *frame)
{
    if (pic_is_spurious(SLAVE_SPURIOUS_IRQ)) {
        irq_taken(SLAVE_SPURIOUS_IRQ, &frame->iret, "spurious");
        pic_eoi(CASCADE_IRQ);   /* the master did see a real request on its cascade line */
        return;
    }
    irq_taken(SLAVE_SPURIOUS_IRQ, &frame->iret, 0);
    pic_eoi(SLAVE_SPURIOUS_IRQ);
}
