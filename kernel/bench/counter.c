/* The counter bench handlers (kernel/bench.h) of the arches whose `abi`
 * handler is a plain C function, `void name(void)`: avr, cortex-m and
 * msp430 list this file among their sources (isr/arch_<arch>/toolchains.py).
 * Their gen/isr.h declares each bound handler with what its style needs
 * (AVR's signal and __vector_N name, MSP430's interrupt(N), nothing on
 * Cortex-M, whose hardware stacks the caller-saved registers), so one body
 * serves all three. Built as kernel/<arch>/bench.c is (tools/toolchain.py
 * SOURCE_CFLAGS: no frame pointer in a leaf, as a production kernel builds a
 * handler), which is what reports/cost.py measures. */
#include "bench.h"
#include "isr.h"

void bench_abi(void)
{
    bench_counter++;
}

void bench_stub(struct trap_frame *frame)
{
    (void)frame;
    bench_counter++;
}

void bench_abi_call(void)
{
    bench_bump();
}

void bench_stub_call(struct trap_frame *frame)
{
    (void)frame;
    bench_bump();
}
