/* Synchronous exceptions named by isr/aarch64.py, and the default handler.
 *
 * ELR_EL1 is the preferred return address (Arm ARM D1.10.1): past an SVC,
 * at a BRK, at the faulting instruction for an abort or an undefined one.
 * So SVC resumes as is, BRK resumes past itself, and a fault goes to the
 * recovery point that the shell armed, or halts: resumed, it would fault again.
 */
#include "aarch64.h"
#include "arch.h"
#include "isr.h"
#include "panic.h"
#include "probe.h"
#include "recovery.h"
#include "stats.h"
#include "trap_report.h"

#define EC_SVC64 0x15
#define EC_BRK64 0x3c
#define A64_INSN 4
/* SPSR for recovery_resume: EL1h with D, A, I and F masked until it has its stack back. */
#define SPSR_RECOVER (SPSR_EL1H | 0x3c0u)

static enum outcome settle(uint64_t esr)
{
    switch (ESR_EC(esr)) {
    case EC_SVC64:
    case EC_BRK64:
        return RESUME;
    default:
        return probe_fault_next ? RESUME : active_recovery ? RECOVER : HALT;
    }
}

static void fault_taken(struct trap_frame *frame, const char *note)
{
    unsigned vector = (unsigned)frame->vector;
    uint64_t elr = frame->elr;
    PROBE_NOTE_CALL();
    stats_count(vector);
    enum outcome outcome = settle(frame->esr);
    a64_report(vector, frame, outcome, note);    /* ELR as the CPU saved it */
    if (ESR_EC(frame->esr) == EC_BRK64) {
        frame->elr += A64_INSN;         /* step past the BRK */
    } else if (outcome == RESUME && probe_fault_next) {
        frame->elr = probe_fault_next;  /* `probe dabt`: step past the fault, once */
        probe_fault_next = 0;
    } else if (outcome == RECOVER) {
        frame->elr = (uint64_t)recovery_resume;
        frame->spsr = SPSR_RECOVER;
    } else if (outcome == HALT) {
        panic("unrecoverable %s at elr=0x%lx esr=0x%lx", arch_vector_name(vector), elr, frame->esr);
    }
}

void on_sync(struct trap_frame *frame)
{
    fault_taken(frame, 0);
}

/* Called by sp0_sync_entry (sp0_entry.S), the naked EL1T_SYNC handler, which
   saved only what this call may clobber. Only `trap sp0` gets here, with SVC. */
void sp0_sync_report(uint64_t esr, uint64_t elr)
{
    stats_count(ISR_VEC_EL1T_SYNC);
    a64_report_begin(ISR_VEC_EL1T_SYNC, esr, 0, elr);
    a64_report_end(ESR_EC(esr) == EC_SVC64 ? RESUME : HALT, 0);
    if (ESR_EC(esr) != EC_SVC64)
        panic("EL1T_SYNC: only SVC is expected on SP_EL0, esr=0x%lx", esr);
}

/* Every VBAR entry and INTID that the spec leaves out. An entry with a
   syndrome is an exception and settles like one; an IRQ or FIQ entry (reached
   by `int N`) or an unbound INTID has nothing to undo and resumes. */
void isr_default_handler(struct trap_frame *frame)
{
    unsigned vector = (unsigned)frame->vector;
    if (vector < ISR_IRQ_BASE && isr_vector_error_code[vector]) {
        fault_taken(frame, "unexpected-vector");
        return;
    }
    stats_count(vector);
    a64_report(vector, frame, RESUME, "unexpected-vector");
}
