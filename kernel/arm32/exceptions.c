/* The CPU exceptions named by isr/arm32.py, and the default handlers.
 *
 * Each `abi` handler is the compiler's interrupt(KIND) function: it cannot
 * touch the interrupted registers or its own return address, so its outcome
 * is what its kind's return does (ARM DDI 0406C B1.8.3, Table B1-7):
 *   SWI, UNDEF  `subs pc, lr, #0`: past the SVC or the undefined instruction;
 *   ABORT       `subs pc, lr, #4`: past the load or store of a data abort
 *               (LR_abt = the access + 8), but back onto the instruction of a
 *               prefetch abort (LR_abt = it + 4): it would abort again, forever.
 * So the prefetch abort is a `stub`: its handler rewrites the frame's return
 * address, to step past a BKPT or to land on the shell's recovery point.
 * A fault with no recovery point armed is a kernel bug: panic.
 */
#include "arch.h"
#include "arm32.h"
#include "isr.h"
#include "panic.h"
#include "probe.h"
#include "recovery.h"
#include "stats.h"
#include "trap_report.h"

#define ARM_INSN 4
#define IFSR_FS_DEBUG 0x2u      /* BKPT: a debug event, reported as a prefetch abort */
/* CPSR for recovery_resume: SYS mode, ARM state, A, I and F masked until it
   has the shell's stack back. */
#define PSR_RECOVER (MODE_SYS | PSR_A | PSR_I | PSR_F)


ISR_ABI_SWI void on_svc(void)
{
    uint32_t lr = (uint32_t)__builtin_return_address(0), spsr = r_spsr();
    stats_count(ISR_VEC_SVC);
    a32_report_begin(ISR_VEC_SVC, lr, spsr);
    /* SVC's 24-bit immediate is in the instruction just before LR (ARM state). */
    report_field("imm", "0x%x", (unsigned)(*(const uint32_t *)(lr - ARM_INSN) & 0xffffff));
    a32_report_end(RESUME, 0);
}

/* recovery.S: leave a handler that cannot return, for the recovery point. */
__attribute__((noreturn)) void recovery_escape(void);

ISR_ABI_UNDEF void on_undefined(void)
{
    uint32_t lr = (uint32_t)__builtin_return_address(0), spsr = r_spsr();
    uint32_t at = lr - ARM_INSN;
    /* An undefined word in the VBAR table itself (`break irq-entry`): past it
       is the next vector's word, so the UNDEF return cannot resume there. */
    bool in_table = at >= (uint32_t)__isr_table_start && at < (uint32_t)__isr_table_end;
    enum outcome outcome = !active_recovery ? HALT : in_table ? RECOVER : RESUME;
    stats_count(ISR_VEC_UNDEF);
    a32_report_begin(ISR_VEC_UNDEF, lr, spsr);
    report_field("insn", "0x%08x", (unsigned)*(const uint32_t *)at);
    a32_report_end(outcome, 0);
    if (outcome == RECOVER)
        recovery_escape();
    if (outcome == HALT)
        panic("undefined instruction at 0x%x", (unsigned)at);
}

ISR_ABI_ABORT void on_data_abort(void)
{
    uint32_t lr = (uint32_t)__builtin_return_address(0), spsr = r_spsr();
    enum outcome outcome = active_recovery ? RESUME : HALT;
    stats_count(ISR_VEC_DABT);
    a32_report_begin(ISR_VEC_DABT, lr, spsr);
    a32_report_end(outcome, "skipped");      /* the ABORT return lands past the access */
    if (outcome == HALT)
        panic("data abort at 0x%x dfar=0x%x", (unsigned)(lr - 8), (unsigned)r_dfar());
}

/* A fault that must not re-execute: to the recovery point, or halt. */
static enum outcome settle_fault(struct trap_frame *frame)
{
    if (!active_recovery)
        return HALT;
    frame->pc = (uint32_t)recovery_resume;
    frame->spsr = PSR_RECOVER;
    return RECOVER;
}

void on_prefetch_abort(struct trap_frame *frame)
{
    uint32_t pc = frame->pc;
    bool bkpt = (r_ifsr() & 0x40fu) == IFSR_FS_DEBUG;
    stats_count(ISR_VEC_PABT);
    a32_report_begin(ISR_VEC_PABT, pc + 4, frame->spsr);   /* LR_abt as the CPU set it */
    enum outcome outcome = RESUME;
    if (bkpt) {
        frame->pc += ARM_INSN;          /* step past the BKPT */
    } else if (probe_fault_next) {      /* `probe pabt`: resume where the probe says, once */
        frame->pc = probe_fault_next;
        probe_fault_next = 0;
    } else {
        outcome = settle_fault(frame);
    }
    a32_report_end(outcome, 0);
    if (outcome == HALT)
        panic("prefetch abort at 0x%x", (unsigned)pc);
}

/* Every VBAR entry that the spec leaves out, through its generated stub. An
   undefined instruction or an abort would re-execute at frame->pc: recover. */
void isr_default_handler(struct trap_frame *frame)
{
    static const uint8_t lr_offsets[ISR_VBAR_ENTRIES] = ISR_LR_OFFSETS;
    unsigned vector = frame->vector;
    uint32_t pc = frame->pc;
    stats_count(vector);
    a32_report_begin(vector, pc + lr_offsets[vector], frame->spsr);
    bool fault = vector == ISR_VEC_UNDEF || vector == ISR_VEC_PABT || vector == ISR_VEC_DABT;
    enum outcome outcome = fault ? settle_fault(frame) : RESUME;
    a32_report_end(outcome, "unexpected-vector");
    if (outcome == HALT)
        panic("unexpected %s at 0x%x", arch_vector_name(vector), (unsigned)pc);
}

/* Every INTID that the spec leaves out (isr_default_intid in gen/isr_stubs.S). */
void isr_default_gic(const struct gic_irq *irq)
{
    stats_count(ISR_IRQ_BASE + irq->intid);
    a32_report_gic(irq);
    a32_report_end(RESUME, "unexpected-vector");
}
