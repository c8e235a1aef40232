#ifndef EXCEPTIONS_H
#define EXCEPTIONS_H

#include "trap_report.h"

/* Exception codes (mcause with the interrupt bit clear) that the kernel treats
   specially; isr/arch_riscv64/ names them all. */
enum {
    EXC_BREAKPOINT = 3, EXC_STORE_MISALIGNED = 6, EXC_STORE_FAULT = 7, EXC_ECALL_U = 8, EXC_ECALL_M = 11,
};

/* Count, report and settle one exception: step past it and resume, send the
   hart to the armed recovery point, or panic. */
void exception_taken(unsigned vector, const char *style, struct trap_csrs *csrs, const char *note);
/* Make the coming mret land in recovery_resume, in M-mode, interrupts still off. */
void send_to_recovery(struct trap_csrs *csrs);

#endif
