#ifndef TRAP_REPORT_H
#define TRAP_REPORT_H

#include <stdint.h>

#include "isr.h"
#include "report.h"

/* The trap CSRs as a handler sees them: a stub's frame holds them in this
   order (trap_csrs_of), an `abi` handler reads and writes them live. */
struct trap_csrs {
    uint64_t mepc, mcause, mtval, mstatus;
};

static inline struct trap_csrs *trap_csrs_of(struct trap_frame *frame)
{
    _Static_assert(offsetof(struct trap_frame, mcause) == offsetof(struct trap_frame, mepc) + 8 &&
                   offsetof(struct trap_frame, mtval) == offsetof(struct trap_frame, mepc) + 16 &&
                   offsetof(struct trap_frame, mstatus) == offsetof(struct trap_frame, mepc) + 24,
                   "struct trap_csrs must mirror the stub frame's CSR block");
    return (struct trap_csrs *)&frame->mepc;
}

struct trap_csrs trap_csrs_read(void);
/* mret uses mepc and mstatus: an `abi` handler writes its changes back. */
void trap_csrs_write(const struct trap_csrs *csrs);

/* The start of a riscv64 report line: up to mcause, mtval and the mode the
   trap came from (mstatus.MPP); callers add fields and end it. */
void riscv_report_begin(unsigned vector, const struct trap_csrs *csrs);
/* A whole line: the start, a note if any, the outcome. */
void riscv_report(unsigned vector, const struct trap_csrs *csrs, enum outcome outcome, const char *note);

#endif
