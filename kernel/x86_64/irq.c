/* Hardware interrupt handlers named by isr/x86_64.py: PIT tick, COM1 input,
 * and the two lines on which the 8259 reports spurious interrupts. */
#include "isr.h"
#include "memlayout.h"
#include "pic8259.h"
#include "report.h"
#include "stats.h"
#include "ticks.h"
#include "trap_report.h"
#include "uart16550.h"

#define MASTER_SPURIOUS_IRQ 7
#define SLAVE_SPURIOUS_IRQ 15
#define CASCADE_IRQ 2

ISR_CALLEE static void irq_taken(unsigned irq, const char *style,
                                 const struct interrupt_frame *frame, const char *note)
{
    stats_count(ISR_IRQ_BASE + irq);
    if (report_irq_wanted(ISR_IRQ_BASE + irq) || note)
        x86_report(ISR_IRQ_BASE + irq, style, false, 0, frame, RESUME, note);
}

ISR_ABI void on_pit_tick(struct interrupt_frame *frame)
{
    ticks = ticks + 1;  /* not ticks_advance(): clang refuses even an inline call from an ISR */
    irq_taken(PIT_IRQ, "abi", frame, 0);
    pic_eoi(PIT_IRQ);
}

void on_com1(struct trap_frame *frame)
{
    uart_drain_rx((unsigned)frame->vector);
    irq_taken(frame->vector - ISR_IRQ_BASE, "stub", &frame->iret, 0);
    pic_eoi(COM1_IRQ);
}

ISR_ABI void on_master_spurious(struct interrupt_frame *frame)
{
    if (pic_is_spurious(MASTER_SPURIOUS_IRQ)) {
        irq_taken(MASTER_SPURIOUS_IRQ, "abi", frame, "spurious");   /* no EOI: nothing in service */
        return;
    }
    irq_taken(MASTER_SPURIOUS_IRQ, "abi", frame, 0);
    pic_eoi(MASTER_SPURIOUS_IRQ);
}

void on_slave_spurious(struct trap_frame *frame)
{
    if (pic_is_spurious(SLAVE_SPURIOUS_IRQ)) {
        irq_taken(SLAVE_SPURIOUS_IRQ, "stub", &frame->iret, "spurious");
        pic_eoi(CASCADE_IRQ);   /* the master did see a real request on its cascade line */
        return;
    }
    irq_taken(SLAVE_SPURIOUS_IRQ, "stub", &frame->iret, 0);
    pic_eoi(SLAVE_SPURIOUS_IRQ);
}
