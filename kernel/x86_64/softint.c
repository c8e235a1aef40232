/* Software interrupts: the handlers that isr/x86_64.py binds to vectors
 * (0x41-0x43 and 0x80 as shipped), and the shell's `int N`. A handler whose
 * C does not get its vector from a trap frame takes gen/isr.h's
 * ISR_VEC_OF_<HANDLER>: the number the spec binds it to. */
#include <stdint.h>

#include "arch.h"
#include "isr.h"
#include "printf.h"
#include "recovery.h"
#include "stats.h"
#include "string.h"
#include "trap_report.h"

extern const char swint_table[];    /* kernel/x86_64/swint.S: "int $N; ret" at 8 * N */
#define SWINT_ENTRY_SIZE 8

ISR_CALLEE static void soft_taken(unsigned vector, const char *style, const struct interrupt_frame *frame)
{
    stats_count(vector);
    x86_report(vector, style, false, 0, frame, RESUME, 0);
}

/* Only while the spec binds it: an abi handler has no frame that names its
   vector, so it takes the number the spec gave it. */
#ifdef ISR_VEC_OF_ON_SOFT_ABI
ISR_ABI void on_soft_abi(struct interrupt_frame *frame)
{
    soft_taken(ISR_VEC_OF_ON_SOFT_ABI, "abi", frame);
}
#endif

void on_soft_stub(struct trap_frame *frame)
{
    soft_taken((unsigned)frame->vector, "stub", &frame->iret);
}

/* A system-call shaped gate: the stub restores RAX from the trap frame, so
   what the handler writes there is what `int` returns. */
void on_syscall(struct trap_frame *frame)
{
    soft_taken((unsigned)frame->vector, "stub", &frame->iret);
    frame->rax += 1;
}

/* Called by soft_naked_entry (softint_naked.S) with the interrupted RIP.
   linker/x86_64.ld keeps it even when the spec binds soft_naked_entry
   nowhere; then it never runs, and its vector number is moot. */
#ifndef ISR_VEC_OF_SOFT_NAKED_ENTRY
#define ISR_VEC_OF_SOFT_NAKED_ENTRY 0
#endif
void soft_naked_report(const struct interrupt_frame *frame)
{
    soft_taken(ISR_VEC_OF_SOFT_NAKED_ENTRY, "naked", frame);
}

/* `int N`: raise vector N with the `int` instruction, RAX = 0x1000 + N in,
   and show RAX out. Vectors whose CPU exception pushes an error code are
   refused: `int` pushes none, so their handler would pop a word that is not
   there and return through garbage. */
void arch_cmd_int(const char *arg)
{
    uint64_t vector;
    if (!arg || !parse_u64(arg, &vector) || vector >= ISR_VECTOR_COUNT) {
        kprintf("error: usage: int N, with N from 0 to %u\n", ISR_VECTOR_COUNT - 1);
        return;
    }
    if (isr_vector_error_code[vector]) {
        kprintf("error: vector %lu (%s) takes a CPU error code that `int` does not push; "
                "use trap instead\n", vector, arch_vector_name((unsigned)vector));
        return;
    }
    struct recovery r;
    if (recovery_arm(&r) != 0) {       /* a fault handler sent us back here */
        kprintf("int %s: recovered\n", arg);
        return;
    }
    uint64_t rax = 0x1000 + vector;
    const char *entry = swint_table + SWINT_ENTRY_SIZE * vector;
    __asm__ volatile("call *%1" : "+a"(rax) : "r"(entry)
                     : "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
    recovery_disarm();
    kprintf("int %s: returned rax=0x%lx\n", arg, rax);    /* as typed: 0x50 stays 0x50 */
}
