/* The SSE variant's handlers (reports/variants.py; isr/arch_x86_64/toolchains.py
 * SSE says how it is built and bound). This file alone is compiled with SSE on,
 * so these bodies use xmm registers that the interrupted code owns; the rest of
 * the kernel stays general-registers-only. An `interrupt` function must save
 * every register it clobbers: does the compiler save these, and where the CPU
 * pushed an error code, at an address its aligned `movaps` can store to? The
 * probe loads a sentinel into every xmm register first (kernel/x86_64/probe.S,
 * ISR_SSE_PROBE), and fpu_init has turned SSE on (CR4.OSFXSR) in every kernel. */
#include <stdbool.h>
#include <stdint.h>

#include "bench.h"
#include "exceptions.h"
#include "isr.h"

typedef uint32_t sse_words __attribute__((vector_size(16)));
volatile sse_words sse_bench_in = {1, 2, 3, 4};
volatile sse_words sse_bench_out;

/* Four 32-bit products and sums: a handful of xmm registers with SSE2 alone.
   A macro, not a function: clang 14 takes any call from an `interrupt`
   function, even one it inlines, for a call that may clobber registers. */
#define SSE_WORK()                        \
    do {                                  \
        sse_words x = sse_bench_in;       \
        sse_bench_out = x * x + x;        \
    } while (0)

/* The counter shape, with SSE work first. */
ISR_ABI void bench_abi_sse(struct interrupt_frame *frame)
{
    (void)frame;
    SSE_WORK();
    bench_counter++;
}

/* A function the handlers call that keeps every register (ISR_CALLEE), so it
   saves the xmm registers it uses, in 16-byte slots of its own frame: aligned
   only when its caller called it with RSP aligned as the ABI says. */
__attribute__((noinline)) ISR_CALLEE void sse_callee_work(void)
{
    SSE_WORK();
}

/* The error-code shape: #GP, whose frame the CPU pushes with an error code.
   Its own xmm saves, then a call to an SSE function (where a misaligned
   call, LLVM #26851, would put that function's aligned saves off by 8). */
ISR_ABI void sse_on_general_protection(struct interrupt_frame *frame, uint64_t error_code)
{
    SSE_WORK();
    sse_callee_work();
    exception_taken(ISR_VEC_GP, true, error_code, frame, 0);
}
