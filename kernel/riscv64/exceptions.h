#ifndef EXCEPTIONS_H
#define EXCEPTIONS_H

#include "trap_report.h"

/* Exception codes (mcause with the interrupt bit clear) that the kernel treats
   specially, by the names isr/arch_riscv64/ gives them (gen/isr.h). */
enum {
    EXC_BREAKPOINT = ISR_VEC_BREAKPOINT, EXC_STORE_MISALIGNED = ISR_VEC_STORE_MISALIGNED,
    EXC_STORE_FAULT = ISR_VEC_STORE_FAULT, EXC_ECALL_U = ISR_VEC_ECALL_U, EXC_ECALL_M = ISR_VEC_ECALL_M,
};

/* Count, report and settle one exception: step past it and resume, send the
   hart to the armed recovery point, or panic. */
void exception_taken(unsigned vector, struct trap_csrs *csrs, const char *note);
/* Make the coming mret land in recovery_resume, in M-mode, interrupts still off. */
void send_to_recovery(struct trap_csrs *csrs);

#endif
