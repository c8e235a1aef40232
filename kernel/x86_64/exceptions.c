/* CPU exception handlers named by isr/x86_64.py, one per vector, in the style
 * that the spec gives it; gen/isr.h holds the prototypes they must match.
 * Stub handlers take the vector from the trap frame, so a report line also
 * proves that the generated stub pushed the right one. Vector numbers are
 * gen/isr.h's ISR_VEC_<name> constants, from the arch model.
 */
#include "arch.h"
#include "exceptions.h"
#include "fpu.h"
#include "gdt.h"
#include "panic.h"
#include "probe.h"
#include "recovery.h"
#include "stats.h"
#include "trap_report.h"
#include "x86.h"

/* What happens next. #DB (single step), #BP and #OF are traps: the saved RIP
   already points past the instruction. #NM and #MF are faults whose cause
   the handler removes (CR0.TS cleared; the pending x87 error dropped), so
   the instruction runs again and succeeds. Any
   other fault would repeat if resumed, so it goes to the recovery point that
   the shell armed, or halts. */
static enum outcome settle(unsigned vector, struct interrupt_frame *frame)
{
    switch (vector) {
    case ISR_VEC_DB:
        frame->rflags &= ~RFLAGS_TF;    /* stop single-stepping */
        return RESUME;
    case ISR_VEC_NMI:
    case ISR_VEC_BP:
    case ISR_VEC_OF:
        return RESUME;
    case ISR_VEC_NM:
        clts();
        return RESUME;
    case ISR_VEC_MF:
        fpu_reset_x87();
        return RESUME;
    default:
        if (probe_fault_next) {         /* `probe gp|pf`: step past the fault, once */
            frame->rip = probe_fault_next;
            probe_fault_next = 0;
            return RESUME;
        }
        return active_recovery ? RECOVER : HALT;
    }
}

ISR_CALLEE void send_to_recovery(struct interrupt_frame *frame)
{
    /* IRETQ lands in recovery_resume with interrupts off until it has a good
       stack again. */
    frame->rip = (uint64_t)recovery_resume;
    frame->rflags &= ~(RFLAGS_IF | RFLAGS_TF);
    /* From ring 3, IRETQ would return to CPL 3, where the kernel's pages are
       out of reach: return to ring 0 instead. The CPU entered with SS = 0
       (SDM 6.14.2: a CPL change loads a null SS); IRETQ to CPL 0 needs a
       writable data segment of DPL 0 or a null one; give it the kernel's. */
    if (frame->cs & RPL_USER) {
        frame->cs = GDT_KERNEL_CODE;
        frame->ss = GDT_KERNEL_DATA;
    }
}

ISR_CALLEE void exception_taken(unsigned vector, bool has_error, uint64_t error,
                                struct interrupt_frame *frame, const char *note)
{
    PROBE_NOTE_CALL();                  /* the abi handlers' call: was their stack aligned? */
    stats_count(vector);
    uint64_t rip = frame->rip;
    enum outcome outcome = settle(vector, frame);
    x86_report(vector, has_error, error, frame, outcome, note);
    if (vector == ISR_VEC_DB)
        w_dr6(0);                       /* DR6 status bits are sticky */
    if (outcome == RECOVER) {
        send_to_recovery(frame);
    } else if (outcome == HALT) {
        panic("unrecoverable %s at rip=0x%lx", arch_vector_name(vector), rip);
    }
}

void on_divide_error(struct trap_frame *frame)
{
    exception_taken(frame->vector, false, 0, &frame->iret, 0);
}

ISR_ABI void on_debug(struct interrupt_frame *frame)
{
    exception_taken(ISR_VEC_DB, false, 0, frame, 0);
}

void on_nmi(struct trap_frame *frame)
{
    exception_taken(frame->vector, false, 0, &frame->iret, 0);
}

ISR_ABI void on_breakpoint(struct interrupt_frame *frame)
{
    exception_taken(ISR_VEC_BP, false, 0, frame, 0);
}

void on_overflow(struct trap_frame *frame)
{
    exception_taken(frame->vector, false, 0, &frame->iret, 0);
}

ISR_ABI void on_bound_range(struct interrupt_frame *frame)
{
    exception_taken(ISR_VEC_BR, false, 0, frame, 0);
}

void on_invalid_opcode(struct trap_frame *frame)
{
    exception_taken(frame->vector, false, 0, &frame->iret, 0);
}

ISR_ABI void on_device_not_available(struct interrupt_frame *frame)
{
    exception_taken(ISR_VEC_NM, false, 0, frame, 0);
}

void on_double_fault(struct trap_frame *frame)
{
    exception_taken(frame->vector, true, frame->error_code, &frame->iret, 0);
}

void on_segment_not_present(struct trap_frame *frame)
{
    exception_taken(frame->vector, true, frame->error_code, &frame->iret, 0);
}

ISR_ABI void on_stack_segment(struct interrupt_frame *frame, uint64_t error_code)
{
    exception_taken(ISR_VEC_SS, true, error_code, frame, 0);
}

ISR_ABI void on_general_protection(struct interrupt_frame *frame, uint64_t error_code)
{
    exception_taken(ISR_VEC_GP, true, error_code, frame, 0);
}

void on_page_fault(struct trap_frame *frame)
{
    exception_taken(frame->vector, true, frame->error_code, &frame->iret, 0);
}

void on_x87_error(struct trap_frame *frame)
{
    exception_taken(frame->vector, false, 0, &frame->iret, 0);
}

/* Every vector the spec leaves out. An exception settles like any other; any
   other vector was raised by `int N` or a stray device, and resumes. */
void isr_default_handler(struct trap_frame *frame)
{
    unsigned vector = (unsigned)frame->vector;
    if (vector < ISR_IRQ_BASE) {
        exception_taken(vector, isr_vector_error_code[vector], frame->error_code, &frame->iret,
                        "unexpected-vector");
        return;
    }
    stats_count(vector);
    x86_report(vector, false, 0, &frame->iret, RESUME, "unexpected-vector");
}
