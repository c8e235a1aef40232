/* `break NAME`: the IDT made wrong on purpose, one way each, then the vector
 * raised, so that the report shows what the CPU does with a bad gate. Each
 * fault goes to the shell's recovery point; restore() repairs the table.
 *
 * Whatever the gate, a fault during delivery names it in its error code with
 * the IDT bit (bit 1) set (SDM 6.13). The vectors are the spec's
 * (gen/isr.h), raised from the kernel with INT n, or from ring 3.
 */
#include <stdint.h>

#include "arch.h"
#include "idt.h"
#include "isr.h"
#include "printf.h"
#include "user.h"

#define DAMAGED_VECTOR ISR_VECTOR_on_soft_abi     /* a DPL 0 software gate */
#define SYSCALL_VECTOR ISR_VECTOR_on_syscall      /* the DPL 3 gate */

static uint8_t saved_attr;

static void raise_damaged(void)
{
    __asm__ volatile("int %0" : : "i"(DAMAGED_VECTOR) : "memory");
}

/* P = 0: INT n finds the gate not present, #NP (SDM 6.12.1.2: checked after
   the DPL, so ring 0 reaches it). */
static void break_not_present(void)
{
    saved_attr = idt_gate_attr(DAMAGED_VECTOR);
    idt_set_gate_attr(DAMAGED_VECTOR, saved_attr & ~GATE_PRESENT);
    kprintf("break: vec=%u gate present=0\n", DAMAGED_VECTOR);
    raise_damaged();
}

static void restore_damaged(void)
{
    idt_set_gate_attr(DAMAGED_VECTOR, saved_attr);
}

/* The system-call gate with DPL 0: the ring-3 task's INT n is refused, #GP. */
static void break_dpl(void)
{
    saved_attr = idt_gate_attr(SYSCALL_VECTOR);
    idt_set_gate_attr(SYSCALL_VECTOR, saved_attr & ~GATE_DPL_MASK);
    kprintf("break: vec=%u gate dpl=0\n", SYSCALL_VECTOR);
    user_enter(user_int_task, SYSCALL_VECTOR, SYSCALL_VECTOR);
}

static void restore_syscall(void)
{
    idt_set_gate_attr(SYSCALL_VECTOR, saved_attr);
}

/* IDTR.limit ends just before the gate: a delivery through a vector whose
   16 bytes pass the limit is #GP (SDM 6.10). #GP's own gate, and the timer's,
   lie below it and still work. */
static void break_limit(void)
{
    uint16_t limit = DAMAGED_VECTOR * GATE_BYTES - 1;
    idt_load_limit(limit);
    kprintf("break: idt limit=0x%x excludes vec=%u\n", limit, DAMAGED_VECTOR);
    raise_damaged();
}

static void restore_limit(void)
{
    idt_load_limit(idt_full_limit());
}

/* IDTR.limit 0: no gate lies inside it, not #GP's, not #DF's. The int is
   #GP, delivering #GP is #GP again, which makes #DF, and a fault while
   delivering #DF shuts the CPU down (SDM 6.15, interrupt 8): a triple fault.
   QEMU, run with -no-reboot, exits: nothing comes back to restore. */
static void break_limit_zero(void)
{
    kprintf("break: idt limit=0x0, no gate reachable: triple fault\n");
    idt_load_limit(0);
    raise_damaged();
}

const struct trap_trigger arch_breaks[] = {
    {"not-present", "a software gate with P=0, raised by int: #NP, IDT bit", break_not_present, restore_damaged},
    {"dpl", "the system-call gate at DPL 0, raised from ring 3: #GP, IDT bit", break_dpl, restore_syscall},
    {"limit", "IDTR.limit below a software gate, raised by int: #GP, IDT bit", break_limit, restore_limit},
    {"limit-zero", "IDTR.limit 0, then int: #GP, #DF, triple fault: QEMU stops", break_limit_zero, 0},
};

const unsigned arch_break_count = sizeof(arch_breaks) / sizeof(arch_breaks[0]);
