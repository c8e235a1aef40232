/* `trap user-*`: run the ring-3 task so that the CPU checks privilege. Each
 * comes back through the recovery point the shell armed: a SYS_EXIT call, or
 * the fault handler. */
#include <stdint.h>

#include "isr.h"
#include "memlayout.h"
#include "ticks.h"
#include "user.h"
#include "x86.h"

/* The DPL 3 gate the task calls the kernel through, and a DPL 0 gate it may
   not raise: both from the spec (gen/isr.h). */
#define SYSCALL_VECTOR ISR_VECTOR_on_syscall
#define KERNEL_ONLY_VECTOR ISR_VECTOR_on_soft_abi

void raise_user_syscall(void)
{
    user_enter(user_int_task, SYSCALL_VECTOR, SYSCALL_VECTOR);
}

/* INT n checks the gate's DPL against CPL (SDM 6.12.1.1): 0 < 3, so #GP
   with the error code naming the gate: vector << 3 | IDT bit. */
void raise_user_int_dpl0(void)
{
    user_enter(user_int_task, KERNEL_ONLY_VECTOR, SYSCALL_VECTOR);
}

void raise_user_hlt(void)
{
    user_enter(user_hlt_task, 0, SYSCALL_VECTOR);
}

void raise_user_cli(void)
{
    user_enter(user_cli_task, 0, SYSCALL_VECTOR);
}

/* Not present: error code U | read = 0x4. */
void raise_user_pf(void)
{
    user_enter(user_load_task, TRAP_NULL_PAGE, SYSCALL_VECTOR);
}

/* Present but supervisor-only: error code U | P = 0x5, CR2 = the address. */
void raise_user_kernel_memory(void)
{
    user_enter(user_load_task, (uint64_t)&ticks, SYSCALL_VECTOR);
}

/* #AC(0) needs all three: CPL 3, CR0.AM and RFLAGS.AC (the task sets AC).
   CR0.AM stays set: it changes nothing until ring 3 also sets AC, which only
   this task does. QEMU 7.2's TCG checks no alignment, so the load succeeds and
   the task exits normally (tests/qemu/test_known_limits.py holds that fact). */
void raise_user_ac(void)
{
    w_cr0(r_cr0() | CR0_AM);
    user_enter(user_ac_task, 0, SYSCALL_VECTOR);
}
