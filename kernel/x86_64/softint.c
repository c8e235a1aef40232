/* Software interrupts: the handlers that isr/x86_64.py binds to vectors
 * 0x41-0x43 and 0x80, and the shell's `int N`. */
#include <stdint.h>

#include "arch.h"
#include "isr.h"
#include "printf.h"
#include "recovery.h"
#include "report.h"
#include "stats.h"
#include "string.h"
#include "trap_report.h"

#define VEC_SOFT_ABI 0x41
#define VEC_SOFT_NAKED 0x43

extern const char swint_table[];    /* kernel/x86_64/swint.S: "int $N; ret" at 8 * N */
#define SWINT_ENTRY_SIZE 8

ISR_CALLEE static void soft_taken(unsigned vector, const char *style, const struct interrupt_frame *frame)
{
    stats_count(vector);
    x86_report(vector, style, false, 0, frame, RESUME, 0);
}

ISR_ABI void on_soft_abi(struct interrupt_frame *frame)
{
    soft_taken(VEC_SOFT_ABI, "abi", frame);
}

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

/* Called by soft_naked_entry (softint_naked.S) with the interrupted RIP. */
void soft_naked_report(const struct interrupt_frame *frame)
{
    soft_taken(VEC_SOFT_NAKED, "naked", frame);
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
        kprintf("int %lu: recovered\n", vector);
        return;
    }
    uint64_t rax = 0x1000 + vector;
    const char *entry = swint_table + SWINT_ENTRY_SIZE * vector;
    /* An IRQ's handler reports only with irqtrace on: ask for this one report,
       with interrupts masked so that a real IRQ cannot take it first. */
    bool irq = vector >= ISR_IRQ_BASE && vector < ISR_IRQ_BASE + 16;
    if (irq) {
        arch_irq_disable();
        report_irq_once((int)vector);
    }
    __asm__ volatile("call *%1" : "+a"(rax) : "r"(entry)
                     : "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
    if (irq) {
        report_irq_once(-1);
        arch_irq_enable();
    }
    recovery_disarm();
    kprintf("int %lu: returned rax=0x%lx\n", vector, rax);
}
