/* `trap NAME`: raise each synchronous exception that EL1 code can raise, on purpose.
 *
 * The shell (kernel/shell.c) runs each under a recovery point, so a fault comes back to the
 * prompt ("recovered") and a trap continues after it ("resumed"). The
 * accesses are assembly: in C they would be undefined behaviour.
 */
#include <stdint.h>

#include "aarch64.h"
#include "arch.h"
#include "memlayout.h"

static void raise_svc(void)
{
    __asm__ volatile("svc #0x2a" ::: "memory");
}

static void raise_brk(void)
{
    __asm__ volatile("brk #0x7" ::: "memory");
}

static void raise_dabt_read(void)
{
    __asm__ volatile("ldr x9, [%0]" : : "r"(TRAP_UNASSIGNED) : "x9", "memory");
}

static void raise_dabt_write(void)
{
    __asm__ volatile("str xzr, [%0]" : : "r"(TRAP_UNASSIGNED) : "memory");
}

static void raise_iabt(void)
{
    __asm__ volatile("blr %0" : : "r"(TRAP_UNASSIGNED) : "x30", "memory");
}

static void raise_undefined(void)
{
    __asm__ volatile("udf #0" ::: "memory");
}

/* SVC with SP_EL0 selected is taken at the "current EL with SP0" group of
   VBAR_EL1 (EL1T_SYNC). SP_EL0 gets the current stack first; IRQs stay
   masked meanwhile, as EL1T_IRQ is not bound. ERET restores SPSel = 0, so
   SPSel goes back to 1 after the SVC. */
static void raise_svc_on_sp0(void)
{
    irq_disable();
    __asm__ volatile("mov x9, sp\n\tmsr sp_el0, x9\n\tmsr spsel, #0\n\t"
                     "svc #0x5\n\tmsr spsel, #1" ::: "x9", "memory");
    irq_enable();
}

const struct trap_trigger arch_traps[] = {
    {"svc", "EL1H_SYNC: svc #0x2a, resumes after it", raise_svc, 0},
    {"brk", "EL1H_SYNC: brk #0x7, the handler steps past it", raise_brk, 0},
    {"dabt", "EL1H_SYNC: load from unassigned 0x0b000000 (external abort)", raise_dabt_read, 0},
    {"dabt-write", "EL1H_SYNC: store to unassigned 0x0b000000", raise_dabt_write, 0},
    {"iabt", "EL1H_SYNC: branch to unassigned 0x0b000000 (instruction abort)", raise_iabt, 0},
    {"und", "EL1H_SYNC: udf #0, an undefined instruction", raise_undefined, 0},
    {"sp0", "EL1T_SYNC: svc #0x5 with SP_EL0 selected (naked handler)", raise_svc_on_sp0, 0},
};

const unsigned arch_trap_count = sizeof(arch_traps) / sizeof(arch_traps[0]);
