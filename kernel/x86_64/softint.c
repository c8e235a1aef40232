/* Software interrupts: the handlers that isr/x86_64.py binds to vectors
 * 0x41-0x43 and 0x80, and the shell's `int N`. */
#include <stdint.h>

#include "arch.h"
#include "exceptions.h"
#include "gdt.h"
#include "isr.h"
#include "printf.h"
#include "recovery.h"
#include "report.h"
#include "stats.h"
#include "string.h"
#include "trap_report.h"
#include "user.h"

#define VEC_SOFT_ABI ISR_VECTOR_on_soft_abi
#define VEC_SOFT_NAKED ISR_VECTOR_soft_naked_entry

extern const char swint_table[];    /* kernel/x86_64/swint.S: "int $N; ret" at 8 * N */
#define SWINT_ENTRY_SIZE 8

ISR_CALLEE static void soft_taken(unsigned vector, const struct interrupt_frame *frame)
{
    stats_count(vector);
    x86_report(vector, false, 0, frame, RESUME, 0);
}

ISR_ABI void on_soft_abi(struct interrupt_frame *frame)
{
    soft_taken(VEC_SOFT_ABI, frame);
}

void on_soft_stub(struct trap_frame *frame)
{
    soft_taken((unsigned)frame->vector, &frame->iret);
}

/* The system-call gate (DPL 3: ring 3 may raise it). The stub restores RAX
   from the trap frame, so what the handler writes there is what `int`
   returns. RDI holds the call (user.h); SYS_EXIT leaves the ring-3 task for
   good, through the recovery point. */
void on_syscall(struct trap_frame *frame)
{
    unsigned vector = (unsigned)frame->vector;
    stats_count(vector);
    x86_report_begin(vector, false, 0, &frame->iret);
    /* Only the ring-3 task, run under the shell's recovery point, can exit. */
    bool exits = frame->rdi == SYS_EXIT && (frame->iret.cs & RPL_USER) && active_recovery;
    report_field("sys", "%s", frame->rdi == SYS_ECHO ? "echo" : exits ? "exit" : "unknown");
    report_field("rax", "0x%lx", frame->rax);
    if (exits) {                                /* the report's rax= is the task's result */
        report_end(RECOVER);
        send_to_recovery(&frame->iret);
        return;
    }
    frame->rax = frame->rdi == SYS_ECHO ? frame->rax + 1 : (uint64_t)-1;
    report_end(RESUME);
}

/* Called by soft_naked_entry (softint_naked.S) with the interrupted RIP. */
void soft_naked_report(const struct interrupt_frame *frame)
{
    soft_taken(VEC_SOFT_NAKED, frame);
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
    uint64_t rdi = SYS_ECHO;            /* to the system-call gate, an echo call */
    const char *entry = swint_table + SWINT_ENTRY_SIZE * vector;
    /* An IRQ's handler reports only with irqtrace on: ask for this one report,
       with interrupts masked so that a real IRQ cannot take it first. */
    bool irq = vector >= ISR_IRQ_BASE && vector < ISR_IRQ_BASE + 16;
    if (irq) {
        arch_irq_disable();
        report_irq_once((int)vector);
    }
    __asm__ volatile("call *%2" : "+a"(rax), "+D"(rdi) : "r"(entry)
                     : "rcx", "rdx", "rsi", "r8", "r9", "r10", "r11", "memory", "cc");
    if (irq) {
        report_irq_once(-1);
        arch_irq_enable();
    }
    recovery_disarm();
    kprintf("int %s: returned rax=0x%lx\n", arg, rax);    /* as typed: 0x50 stays 0x50 */
}
