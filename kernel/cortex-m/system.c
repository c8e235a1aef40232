/* NMI, SVCall and the default handler named by isr/cortex-m.py. */
#include "cm3.h"
#include "faults.h"
#include "nvic.h"
#include "report.h"
#include "stats.h"
#include "trap_report.h"

#define THUMB_SVC_MASK 0xff00u
#define THUMB_SVC 0xdf00u           /* SVC #imm8: 1101 1111 iiii iiii (ARMv7-M ARM A7.7, SVC encoding T1) */

/* NMI runs at priority -2 and, pended by software, returns to where it was. */
void on_nmi(void)
{
    struct exception_frame *frame = ABI_EXCEPTION_FRAME();
    stats_count(EXC_NMI);
    cm_report_begin(EXC_NMI, frame);
    cm_report_context(frame, (uint32_t)__builtin_return_address(0));
    report_end(RESUME);
}

/* The stacked PC points past the 2-byte SVC, so its immediate is in the
   halfword before it. Shaped like a system call: r0 comes back plus one. */
void on_svc(struct trap_frame *tf)
{
    struct exception_frame *frame = tf->frame;
    uint16_t insn = *(const uint16_t *)(uintptr_t)(frame->pc - 2);
    stats_count(tf->vector);
    cm_report_begin(tf->vector, frame);
    if ((insn & THUMB_SVC_MASK) == THUMB_SVC)
        report_field("imm", "%u", insn & 0xffu);
    else
        report_field("imm", "?");
    report_field("r0", "0x%x", (unsigned)frame->r0);
    cm_report_context(frame, tf->exc_return);
    report_end(RESUME);
    frame->r0 += 1;
}

/* Every exception the spec leaves out. A fault settles like any other; any
   other exception resumes, and an unexpected IRQ is disabled at the NVIC so a
   device that keeps its line up cannot storm. */
void isr_default_handler(struct trap_frame *tf)
{
    unsigned vector = tf->vector;
    if (vector >= EXC_HARDFAULT && vector <= EXC_USAGEFAULT) {
        fault_taken(vector, tf->frame, tf->exc_return, "unexpected-vector");
        return;
    }
    stats_count(vector);
    if (vector >= ISR_IRQ_BASE)
        nvic_disable(vector - ISR_IRQ_BASE);
    cm_report_begin(vector, tf->frame);
    cm_report_context(tf->frame, tf->exc_return);
    report_field("note", "unexpected-vector");
    report_end(RESUME);
}
