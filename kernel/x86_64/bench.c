/* Bench handlers (isr/x86_64.py, bench=) and their measured window. Each does
 * what kernel/bench.h says, nothing else; bench_naked.S is the hand-written
 * minimum. The window of vector N is swint_table's entry N: it opens at
 * `int $N` and closes at the `ret` after it, the first instruction after the
 * IRETQ (reports/cost.py reads both addresses from the ELF). */
#include <stdint.h>

#include "bench.h"
#include "isr.h"

extern const char swint_table[];    /* swint.S: "int $N; ret" at 8 * N */
#define SWINT_ENTRY_SIZE 8
extern const char bench_empty_begin[];   /* bench_naked.S: "nop (2 bytes); ret" */

ISR_ABI void bench_abi(struct interrupt_frame *frame)
{
    (void)frame;
    bench_counter++;
}

void bench_stub(struct trap_frame *frame)
{
    (void)frame;
    bench_counter++;
}

/* clang warns when an interrupt function calls an ordinary one (the callee
   may clobber any caller-saved register, so the handler must save them all);
   the kernel's own handlers call ISR_CALLEE functions instead. Here the full
   save is the point of the measurement. The compiler says whether it has the
   warning: clang 14 has it, clang 19 has none for x86 (ignoring an unknown
   group is itself an error under -Werror). */
#if defined(__has_warning)
#if __has_warning("-Winterrupt-service-routine")
#define BENCH_QUIET_ISR_CALL 1
#endif
#endif
#ifdef BENCH_QUIET_ISR_CALL
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Winterrupt-service-routine"
#endif
ISR_ABI void bench_abi_call(struct interrupt_frame *frame)
{
    (void)frame;
    bench_bump();
}
#ifdef BENCH_QUIET_ISR_CALL
#pragma clang diagnostic pop
#endif

void bench_stub_call(struct trap_frame *frame)
{
    (void)frame;
    bench_bump();
}

/* Call a window with IF clear: `int` is taken whatever IF says, the PIT and
   the UART are not. */
static void run_window(const char *entry)
{
    uint64_t flags;
    __asm__ volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
    __asm__ volatile("call *%0" : : "r"(entry)
                     : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
    __asm__ volatile("pushq %0; popfq" : : "r"(flags) : "memory", "cc");
}

bool arch_bench_raise(unsigned vector, const char **why)
{
    if (isr_vector_error_code[vector]) {
        *why = "its CPU exception pushes an error code, which `int` does not";
        return false;
    }
    run_window(swint_table + SWINT_ENTRY_SIZE * vector);
    return true;
}

void arch_bench_empty(void)
{
    run_window(bench_empty_begin);
}
