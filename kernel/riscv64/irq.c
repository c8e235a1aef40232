/* Interrupt handlers named by isr/riscv64.py: the CLINT timer (cause 7), the
 * PLIC's machine external interrupt (cause 11) that carries the UART, and the
 * two software interrupts (cause 1 through mip.SSIP, cause 3 through the
 * CLINT's msip); and the shell's `int N`, which makes a cause pending. */
#include <stdint.h>

#include "arch.h"
#include "clint.h"
#include "isr.h"
#include "memlayout.h"
#include "plic.h"
#include "printf.h"
#include "riscv.h"
#include "stats.h"
#include "string.h"
#include "ticks.h"
#include "trap_report.h"
#include "uart.h"

static void irq_taken(unsigned cause, const struct trap_csrs *csrs, bool report, unsigned source, const char *note)
{
    stats_count(ISR_IRQ_BASE + cause);
    if (!report && !note)
        return;
    riscv_report_begin(ISR_IRQ_BASE + cause, csrs);
    if (source)
        report_field("source", "%u", source);
    if (note)
        report_field("note", "%s", note);
    report_end(RESUME);
}

#define SLOW_TICKS 3        /* how long the slow SSI handler runs with interrupts on */

/* Interrupt handlers running now, the current one included: above 1, one
   interrupted another. */
static volatile unsigned irq_depth;
/* `trap nest` arms it: the next SSI is the slow one. */
static volatile bool ssi_slow;

ISR_ABI void on_machine_timer(void)
{
    irq_depth = irq_depth + 1;
    ticks_advance();
    clint_timer_rearm();            /* moving mtimecmp ahead clears MTIP */
    struct trap_csrs csrs = trap_csrs_read();
    if (irq_depth > 1) {            /* it preempted the slow handler: report always */
        stats_count(ISR_IRQ_BASE + IRQ_M_TIMER);
        riscv_report_begin(ISR_IRQ_BASE + IRQ_M_TIMER, &csrs);
        report_field("depth", "%u", irq_depth);
        report_field("note", "nested");
        report_end(RESUME);
    } else {
        irq_taken(IRQ_M_TIMER, &csrs, report_irqs, 0, 0);
    }
    irq_depth = irq_depth - 1;
}

/* Claim, serve, complete (RISC-V PLIC specification 1.0.0, "Interrupt Claim
   Process" and "Interrupt Completion"): until completed, the PLIC
   forwards no new request from that source. A claim of 0 means no source was
   pending any more: spurious, and there is nothing to complete. */
void on_machine_external(struct trap_frame *frame)
{
    unsigned source = plic_claim();
    const char *note = 0;
    if (source == UART0_IRQ)
        uart_drain_rx(ISR_IRQ_BASE + IRQ_M_EXT);
    else
        note = source ? "unexpected-source" : "spurious";
    irq_taken(IRQ_M_EXT, trap_csrs_of(frame), report_irqs, source, note);
    if (source)
        plic_complete(source);
}

/* mip.SSIP is writable from M-mode (privileged spec 3.1.9): `int 17` sets it,
   the handler clears it, or it would fire again at mret. */
void on_supervisor_soft(struct trap_frame *frame)
{
    c_mip(1u << IRQ_S_SOFT);
    if (!ssi_slow) {
        irq_taken((unsigned)frame->vector - ISR_IRQ_BASE, trap_csrs_of(frame), true, 0, 0);
        return;
    }
    ssi_slow = false;
    irq_depth = irq_depth + 1;
    /* The trap cleared mstatus.MIE; setting it again lets the timer in. Its
       trap overwrites mepc and mstatus.MPIE/MPP, which this handler's own
       mret needs: the stub saved both in the frame and writes them back
       before its mret, so the nested trap cannot lose them. An `abi`
       handler cannot do this: the compiler's prologue saves no CSR, and its
       mret uses them as they are. */
    uint64_t start = ticks_now();
    while (ticks_now() - start < SLOW_TICKS)
        wfi_then_take();            /* MIE set: the pending timer is taken, in this handler */
    stats_count((unsigned)frame->vector);
    riscv_report_begin((unsigned)frame->vector, trap_csrs_of(frame));
    report_field("depth", "%u", irq_depth);
    report_field("preempted", "%llu", (unsigned long long)(ticks_now() - start));
    report_end(RESUME);
    irq_depth = irq_depth - 1;
}

/* `trap nest`: an SSI whose handler turns interrupts back on. */
void raise_nest(void)
{
    ssi_slow = true;
    s_mip(1u << IRQ_S_SOFT);        /* interrupts are on: taken at once */
}

/* Called by machine_soft_naked_entry (soft_naked.S) after saving the
   registers a C call may clobber. */
void machine_soft_report(void)
{
    clint_soft_clear();             /* MSIP follows the CLINT's msip bit */
    struct trap_csrs csrs = trap_csrs_read();
    irq_taken(IRQ_M_SOFT, &csrs, true, 0, 0);
}

/* `int N`: RISC-V has no instruction that raises a chosen vector, so the
   nearest equivalent is making interrupt cause N - 16 pending where software
   can: the CLINT's msip for the machine software interrupt, mip for the
   S-level ones. The hart takes it as soon as it is pending and enabled. */
void arch_cmd_int(const char *arg)
{
    uint64_t vector;
    if (!arg || !parse_u64(arg, &vector) || vector >= ISR_VECTOR_COUNT) {
        kprintf("error: usage: int N, with N from 0 to %u\n", ISR_VECTOR_COUNT - 1);
        return;
    }
    unsigned cause = (unsigned)vector - ISR_IRQ_BASE;
    const char *name = arch_vector_name((unsigned)vector);
    if (vector < ISR_IRQ_BASE) {
        kprintf("error: vector %llu (%s) is an exception: only an instruction raises it; "
                "use trap instead\n", (unsigned long long)vector, name);
        return;
    }
    if (!software_pend(cause)) {
        kprintf("error: vector %llu (%s) cannot be made pending by software: %s; "
                "int takes %u (SSI), %u (MSI), %u (STI) or %u (SEI)\n", (unsigned long long)vector, name,
                cause == IRQ_M_TIMER ? "the CLINT raises it when mtime reaches mtimecmp (see ticks)" :
                cause == IRQ_M_EXT ? "the PLIC raises it for a device (type to see the UART's)" :
                "no standard interrupt has that cause", ISR_VEC_SSI, ISR_VEC_MSI, ISR_VEC_STI, ISR_VEC_SEI);
        return;
    }
    kprintf("int %s: returned\n", arg);      /* as typed: 0x13 stays 0x13 */
}
