#ifndef TRAP_REPORT_H
#define TRAP_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "isr.h"
#include "report.h"

/* What the CPU pushed on entry: SR below PC (SLAU049 2.2.3). */
struct cpu_frame {
    uint16_t sr;
    uint16_t pc;
};

/* An `abi` handler's CPU frame: clang's frame pointer (r4, with
   -fno-omit-frame-pointer) points at the r4 it pushed first, just below it. */
#define ABI_CPU_FRAME() ((struct cpu_frame *)((uintptr_t)__builtin_frame_address(0) + 2))

/* How many handlers run with GIE set again under the one now running: 1 inside
   the slow PORT1 handler of `trap nest`, so a tick taken there reports depth=2. */
extern volatile uint8_t msp430_nesting;

/* The whole report line for one interrupt: pc, the saved sr, what it
   stopped (`from`: active or the low-power mode), the simulator's IRQ
   number, extra fields, and whether the handler woke the CPU. */
void msp430_report_begin(unsigned vector, const struct cpu_frame *frame);
void msp430_report_end(const struct cpu_frame *frame, bool woke);

#endif
