/* The report line for riscv64 traps (kernel/report.h) and the live trap CSRs. */
#include "riscv.h"
#include "trap_report.h"

struct trap_csrs trap_csrs_read(void)
{
    return (struct trap_csrs){r_mepc(), r_mcause(), r_mtval(), r_mstatus()};
}

void trap_csrs_write(const struct trap_csrs *csrs)
{
    w_mepc(csrs->mepc);
    w_mstatus(csrs->mstatus);
}

void riscv_report_begin(unsigned vector, const struct trap_csrs *csrs)
{
    unsigned mode = (csrs->mstatus & MSTATUS_MPP_MASK) >> MSTATUS_MPP_SHIFT;
    report_begin(vector, false, 0, csrs->mepc);
    report_field("mcause", "0x%llx", (unsigned long long)csrs->mcause);
    report_field("mtval", "0x%llx", (unsigned long long)csrs->mtval);
    report_field("mode", "%s", mode == MODE_USER ? "user" : mode == MODE_MACHINE ? "machine" : "supervisor");
}

void riscv_report(unsigned vector, const struct trap_csrs *csrs, enum outcome outcome, const char *note)
{
    riscv_report_begin(vector, csrs);
    if (note)
        report_field("note", "%s", note);
    report_end(outcome);
}
