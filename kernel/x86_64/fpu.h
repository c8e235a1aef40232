#ifndef FPU_H
#define FPU_H

#include <stdint.h>

#include "isr.h"

/* Reset values: every floating-point exception masked (SDM 8.1.5, 10.2.3). */
#define FCW_DEFAULT 0x037f
#define MXCSR_DEFAULT 0x1f80
#define MXCSR_ZERO_DIVIDE_MASK (1u << 9)   /* ZM: set = a divide by zero only sets ZE */
#define FCW_ZERO_DIVIDE_MASK (1u << 2)

void fpu_init(void);
/* Drop pending x87 exceptions and mask them all again. */
ISR_CALLEE void fpu_reset_x87(void);

#endif
