/* Decoding ESR_EL1 and FAR_EL1 for the report line (Arm ARM D17.2.37, D17.2.40). */
#include "aarch64.h"
#include "trap_report.h"

#define ESR_ISS_IMM16(iss) ((iss) & 0xffff)        /* SVC, HVC, BRK: the instruction's immediate */
#define ABORT_WNR (1u << 6)                        /* data abort: 1 = write */
#define ABORT_FNV (1u << 10)                       /* FAR not valid */
#define ABORT_FSC(iss) ((iss) & 0x3f)

enum {
    EC_UNKNOWN = 0x00, EC_SVC64 = 0x15, EC_IABT_LOWER = 0x20, EC_IABT = 0x21, EC_PC_ALIGN = 0x22,
    EC_DABT_LOWER = 0x24, EC_DABT = 0x25, EC_SP_ALIGN = 0x26, EC_SERROR = 0x2f, EC_BRK64 = 0x3c,
};

static const struct { uint8_t ec; const char *name; } classes[] = {
    {EC_UNKNOWN, "undefined"},          /* unallocated encoding, UDF, or a trapped feature */
    {0x01, "wfi-wfe"}, {0x07, "fp-access"}, {0x0e, "illegal-state"},
    {EC_SVC64, "svc"}, {0x18, "sysreg"},
    {EC_IABT_LOWER, "instruction-abort-lower"}, {EC_IABT, "instruction-abort"},
    {EC_PC_ALIGN, "pc-alignment"}, {EC_DABT_LOWER, "data-abort-lower"}, {EC_DABT, "data-abort"},
    {EC_SP_ALIGN, "sp-alignment"}, {EC_SERROR, "serror"}, {0x31, "breakpoint"},
    {0x33, "software-step"}, {0x35, "watchpoint"}, {EC_BRK64, "brk"},
};

static const char *class_name(unsigned ec)
{
    for (unsigned i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
        if (classes[i].ec == ec)
            return classes[i].name;
    return "other";
}

/* Fault status codes of DFSC/IFSC (D17.2.37, ISS encoding for an abort). */
static const char *fault_status(unsigned fsc)
{
    if (fsc == 0x10)
        return "external";
    if (fsc >= 0x04 && fsc <= 0x07)
        return "translation";
    if (fsc >= 0x09 && fsc <= 0x0b)
        return "access-flag";
    if (fsc >= 0x0d && fsc <= 0x0f)
        return "permission";
    if (fsc == 0x21)
        return "alignment";
    return "other";
}

static void report_syndrome(uint64_t esr, uint64_t far)
{
    unsigned ec = ESR_EC(esr), iss = ESR_ISS(esr);
    report_field("ec", "0x%x", ec);
    report_field("class", "%s", class_name(ec));
    report_field("iss", "0x%x", iss);
    switch (ec) {
    case EC_SVC64:
    case EC_BRK64:
        report_field("imm", "0x%x", ESR_ISS_IMM16(iss));
        break;
    case EC_DABT:
    case EC_DABT_LOWER:
        report_field("access", "%s", (iss & ABORT_WNR) ? "write" : "read");
        __attribute__((fallthrough));   /* both aborts name the address and the fault */
    case EC_IABT:
    case EC_IABT_LOWER:
        if (iss & ABORT_FNV)
            report_field("far", "unknown");
        else
            report_field("far", "0x%lx", far);
        report_field("fsc", "%s", fault_status(ABORT_FSC(iss)));
        break;
    }
}

void a64_report_begin(unsigned vector, uint64_t esr, uint64_t far, uint64_t elr)
{
    bool syndrome = vector < ISR_IRQ_BASE && isr_vector_error_code[vector];
    report_begin(vector, syndrome, esr, elr);
    if (syndrome)
        report_syndrome(esr, far);
    if (vector >= ISR_IRQ_BASE) {
        report_field("intid", "%u", vector - ISR_IRQ_BASE);
        report_field("depth", "%u", irq_depth);
    }
}

void a64_report_end(enum outcome outcome, const char *note)
{
    if (note)
        report_field("note", "%s", note);
    report_end(outcome);
}

void a64_report(unsigned vector, const struct trap_frame *frame, enum outcome outcome, const char *note)
{
    a64_report_begin(vector, frame->esr, frame->far, frame->elr);
    a64_report_end(outcome, note);
}
