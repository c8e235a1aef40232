/* Fault handlers named by isr/cortex-m.py, and the decoding of CFSR/HFSR.
 *
 * A fault's stacked PC is the faulting instruction (for a precise fault), so
 * resuming would fault again: a fault goes to the recovery point that the
 * shell armed, or halts.
 */
#include "arch.h"
#include "cm3.h"
#include "faults.h"
#include "memlayout.h"
#include "nvic.h"
#include "panic.h"
#include "probe.h"
#include "printf.h"
#include "recovery.h"
#include "scb.h"
#include "stats.h"
#include "trap_report.h"

/* recovery.S: in Handler mode, leave that exception for recovery_resume in Thread mode. */
void exception_unwind(void);

/* CFSR status bits by name, in bit order (ARMv7-M ARM B3.2: MMFSR, BFSR, UFSR). */
static const struct { uint32_t bit; const char *name; } cfsr_bits[] = {
    {1u << 0, "iaccviol"}, {1u << 1, "daccviol"}, {1u << 3, "munstkerr"}, {1u << 4, "mstkerr"},
    {1u << 8, "ibuserr"}, {1u << 9, "preciserr"}, {1u << 10, "impreciserr"}, {1u << 11, "unstkerr"},
    {1u << 12, "stkerr"}, {1u << 16, "undefinstr"}, {1u << 17, "invstate"}, {1u << 18, "invpc"},
    {1u << 19, "nocp"}, {1u << 24, "unaligned"}, {1u << 25, "divbyzero"},
};

static void report_cfsr(uint32_t cfsr)
{
    const char *sep = "";
    report_field("cfsr", "0x%x", (unsigned)cfsr);
    kprintf(" fault=");
    for (unsigned i = 0; i < sizeof(cfsr_bits) / sizeof(cfsr_bits[0]); i++)
        if (cfsr & cfsr_bits[i].bit) {
            kprintf("%s%s", sep, cfsr_bits[i].name);
            sep = ",";
        }
    if (!*sep)
        kprintf("none");
    if (cfsr & CFSR_MMARVALID)
        report_field("mmfar", "0x%x", (unsigned)mmio_read(SCB_MMFAR));
    if (cfsr & CFSR_BFARVALID)
        report_field("bfar", "0x%x", (unsigned)mmio_read(SCB_BFAR));
    if (cfsr & (CFSR_PRECISERR | CFSR_IMPRECISERR))
        report_field("bus", "%s", (cfsr & CFSR_PRECISERR) ? "precise" : "imprecise");
}

/* Why a configurable fault became a HardFault (B1.5.4): PRIMASK masks every
   configurable priority; a disabled fault cannot run its handler; otherwise
   the fault's priority could not preempt what was running. */
static const char *escalation(uint32_t cfsr)
{
    uint32_t enabled = mmio_read(SCB_SHCSR);
    if (r_primask())
        return "primask";
    if (((cfsr & CFSR_MMFSR) && !(enabled & SHCSR_MEMFAULTENA)) ||
        ((cfsr & CFSR_BFSR) && !(enabled & SHCSR_BUSFAULTENA)) ||
        ((cfsr & CFSR_UFSR) && !(enabled & SHCSR_USGFAULTENA)))
        return "disabled";
    return "priority";
}

static void report_hard_fault(const struct exception_frame *f, uint32_t hfsr, uint32_t cfsr)
{
    report_field("hfsr", "0x%x", (unsigned)hfsr);
    if (hfsr & HFSR_FORCED)
        report_field("forced", "%s", escalation(cfsr));
    if (hfsr & HFSR_VECTTBL)
        report_field("vecttbl", "1");
    report_field("r0", "0x%x", (unsigned)f->r0);
    report_field("r1", "0x%x", (unsigned)f->r1);
    report_field("r2", "0x%x", (unsigned)f->r2);
    report_field("r3", "0x%x", (unsigned)f->r3);
    report_field("r12", "0x%x", (unsigned)f->r12);
    report_field("lr", "0x%x", (unsigned)f->lr);
    report_field("xpsr", "0x%x", (unsigned)f->xpsr);
}

void fault_taken(unsigned vector, struct exception_frame *frame, uint32_t exc_return, const char *note)
{
    PROBE_NOTE_CALL();
    stats_count(vector);
    uint32_t cfsr = mmio_read(SCB_CFSR), hfsr = mmio_read(SCB_HFSR);
    uint32_t pc = frame->pc;
    /* `probe undef|bus`: step past the fault, once. */
    enum outcome outcome = probe_fault_next ? RESUME : active_recovery ? RECOVER : HALT;
    cm_report_begin(vector, frame);
    report_cfsr(cfsr);
    if (vector == EXC_HARDFAULT)
        report_hard_fault(frame, hfsr, cfsr);
    cm_report_context(frame, exc_return);
    if (note)
        report_field("note", "%s", note);
    report_end(outcome);
    mmio_write(SCB_CFSR, cfsr);             /* write-1-to-clear: the next fault starts clean */
    mmio_write(SCB_HFSR, hfsr);
    if (outcome == HALT)
        panic("unrecoverable %s at pc=0x%x", arch_vector_name(vector), (unsigned)pc);
    if (outcome == RESUME) {
        frame->pc = (uint32_t)probe_fault_next;
        probe_fault_next = 0;
        return;
    }
    /* The exception return lands in recovery_resume, in Thumb state with no
       IT block pending; the stacked alignment bit must stay as it was. A
       fault in Handler mode (the stacked IPSR is not 0: `break` broke an
       exception's entry) returns to that exception instead, in
       exception_unwind, which ends it too (recovery.S). */
    bool in_handler = (frame->xpsr & XPSR_EXCEPTION) != 0;
    frame->pc = (uint32_t)(uintptr_t)(in_handler ? exception_unwind : recovery_resume) & ~1u;
    /* A return to Handler mode checks that the stacked IPSR names an active
       exception (B1.5.8, integrity checks): keep it. */
    frame->xpsr = (frame->xpsr & (XPSR_STACK_ALIGN | XPSR_EXCEPTION)) | XPSR_T;
}

void on_hard_fault(struct trap_frame *tf)
{
    fault_taken(tf->vector, tf->frame, tf->exc_return, 0);
}

void on_mem_manage(struct trap_frame *tf)
{
    fault_taken(tf->vector, tf->frame, tf->exc_return, 0);
}

void on_bus_fault(struct trap_frame *tf)
{
    fault_taken(tf->vector, tf->frame, tf->exc_return, 0);
}

/* abi: an ordinary function; the frame is found from EXC_RETURN (cm3.h). */
void on_usage_fault(void)
{
    fault_taken(EXC_USAGEFAULT, ABI_EXCEPTION_FRAME(), (uint32_t)__builtin_return_address(0), 0);
}
