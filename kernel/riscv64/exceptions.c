/* Exception handlers named by isr/riscv64.py, one per cause, in the style the
 * spec gives it; gen/isr.h holds the prototypes they must match. Stub handlers
 * take the vector from the trap frame, so a report line also proves that the
 * generated dispatcher and trampolines picked the right entry.
 */
#include "arch.h"
#include "exceptions.h"
#include "panic.h"
#include "probe.h"
#include "recovery.h"
#include "riscv.h"
#include "stats.h"

/* mepc points at the instruction that trapped (privileged spec 3.1.14). The
   low two bits of its first halfword are 11 for a 32-bit instruction, anything
   else for a 16-bit compressed one (unprivileged spec 1.5). */
static uint64_t past(uint64_t pc)
{
    return pc + ((*(const uint16_t *)pc & 3) == 3 ? 4 : 2);
}

/* ebreak and ecall are done once reported: step past them. Any fault would
   repeat if resumed, so it goes to the recovery point that the shell armed. */
static enum outcome settle(unsigned vector, struct trap_csrs *csrs)
{
    switch (vector) {
    case EXC_BREAKPOINT:
    case EXC_ECALL_M:
        csrs->mepc = past(csrs->mepc);
        return RESUME;
    default:
        if (probe_fault_next) {         /* `probe store|load`: step past the fault, once */
            csrs->mepc = probe_fault_next;
            probe_fault_next = 0;
            return RESUME;
        }
        return active_recovery ? RECOVER : HALT;
    }
}

void send_to_recovery(struct trap_csrs *csrs)
{
    csrs->mepc = (uint64_t)recovery_resume;
    csrs->mstatus = (csrs->mstatus & ~(MSTATUS_MPP_MASK | MSTATUS_MPIE)) |
                    ((uint64_t)MODE_MACHINE << MSTATUS_MPP_SHIFT);
}

void exception_taken(unsigned vector, struct trap_csrs *csrs, const char *note)
{
    PROBE_NOTE_CALL();
    stats_count(vector);
    struct trap_csrs seen = *csrs;
    enum outcome outcome = settle(vector, csrs);
    riscv_report(vector, &seen, outcome, note);
    if (outcome == RECOVER)
        send_to_recovery(csrs);
    else if (outcome == HALT)
        panic("unrecoverable %s at mepc=0x%llx mtval=0x%llx", arch_vector_name(vector),
              (unsigned long long)seen.mepc, (unsigned long long)seen.mtval);
}

static void stub_exception(struct trap_frame *frame)
{
    exception_taken((unsigned)frame->vector, trap_csrs_of(frame), 0);
}

static void abi_exception(unsigned vector)
{
    struct trap_csrs csrs = trap_csrs_read();
    exception_taken(vector, &csrs, 0);
    trap_csrs_write(&csrs);
}

void on_illegal_instruction(struct trap_frame *frame) { stub_exception(frame); }
void on_load_misaligned(struct trap_frame *frame) { stub_exception(frame); }
void on_load_fault(struct trap_frame *frame) { stub_exception(frame); }
void on_insn_fault(struct trap_frame *frame) { stub_exception(frame); }

ISR_ABI void on_breakpoint(void) { abi_exception(EXC_BREAKPOINT); }
ISR_ABI void on_store_misaligned(void) { abi_exception(EXC_STORE_MISALIGNED); }
ISR_ABI void on_store_fault(void) { abi_exception(EXC_STORE_FAULT); }
ISR_ABI void on_machine_ecall(void) { abi_exception(EXC_ECALL_M); }

/* Every vector the spec leaves out, and anything else that reaches mtvec's
   BASE. An exception settles like any other; an interrupt cause that software
   made pending in mip is cleared, any other is masked in mie, so that an
   unbound interrupt is reported once instead of storming. */
void isr_default_handler(struct trap_frame *frame)
{
    unsigned vector = (unsigned)frame->vector;
    if (!(frame->mcause & MCAUSE_INTERRUPT)) {
        exception_taken(vector, trap_csrs_of(frame), "unexpected-vector");
        return;
    }
    uint64_t bit = 1ull << (frame->mcause & ~MCAUSE_INTERRUPT & 63);
    c_mip(bit);
    if (r_mip() & bit)
        CSR_CLEAR(mie, bit);
    stats_count(vector);
    /* In direct mode every interrupt enters BASE (`break direct`): say that
       this is why it came here, and not to its own slot. */
    bool direct = (r_mtvec() & MTVEC_MODE_MASK) != MTVEC_VECTORED;
    riscv_report(vector, trap_csrs_of(frame), RESUME, direct ? "mtvec-direct" : "unexpected-vector");
}
