/* `trap NAME`: raise each exception that PL1 code can raise, on purpose.
 *
 * The shell (kernel/shell.c) runs each under a recovery point, so a fault
 * comes back to the prompt ("recovered") and one whose handler returns past
 * it continues ("resumed"). The accesses are assembly: in C they would be
 * undefined behaviour.
 */
#include <stdint.h>

#include "arch.h"
#include "memlayout.h"

/* A word in RAM: one byte past its start is misaligned for LDR. */
static volatile uint32_t aligned_word[2];

static void raise_svc(void)
{
    __asm__ volatile("svc #0x2a" ::: "memory");      /* SVC from SYS: LR_svc is the handler's alone */
}

static void raise_undefined(void)
{
    __asm__ volatile("udf #0x42" ::: "memory");      /* permanently undefined (A8.8.247) */
}

/* VFP stays disabled (CPACR cp10/cp11 no access, B4.1.40): the kernel has no
   floating-point state for an interrupt function to lose, and any VFP
   instruction is undefined. VMRS r0, FPSCR, encoded by hand because the
   soft-float build has no FPU to assemble for. */
static void raise_vfp(void)
{
    __asm__ volatile(".inst 0xeef10a10" ::: "r0", "memory");
}

static void raise_dabt_read(void)
{
    __asm__ volatile("ldr r0, [%0]" : : "r"(TRAP_UNASSIGNED) : "r0", "memory");
}

static void raise_dabt_write(void)
{
    __asm__ volatile("str %0, [%0]" : : "r"(TRAP_UNASSIGNED) : "memory");
}

/* boot/arm32/entry.S sets SCTLR.A: an unaligned LDR is an alignment fault
   (A3.2.1), DFSR.FS = 0b00001, whatever the memory type. */
static void raise_alignment(void)
{
    __asm__ volatile("ldr r0, [%0]" : : "r"((uintptr_t)aligned_word + 1) : "r0", "memory");
}

static void raise_pabt(void)
{
    __asm__ volatile("blx %0" : : "r"(TRAP_UNASSIGNED) : "lr", "r0", "r1", "r2", "r3", "r12", "memory");
}

/* BKPT is a debug event, taken as a prefetch abort with IFSR.FS = 0b00010 (C4.1). */
static void raise_bkpt(void)
{
    __asm__ volatile("bkpt #0x7" ::: "memory");
}

const struct trap_trigger arch_traps[] = {
    {"svc", "SVC: svc #0x2a, the SWI return lands past it", raise_svc, 0},
    {"undef", "UNDEF: udf #0x42, the UNDEF return lands past it", raise_undefined, 0},
    {"vfp", "UNDEF: vmrs with VFP disabled (the kernel has no FP state)", raise_vfp, 0},
    {"dabt", "DABT: load from unassigned 0x0b000000, the ABORT return skips it", raise_dabt_read, 0},
    {"dabt-write", "DABT: store to unassigned 0x0b000000", raise_dabt_write, 0},
    {"align", "DABT: word load from an odd address (alignment fault)", raise_alignment, 0},
    {"pabt", "PABT: branch to unassigned 0x0b000000; recovers, a return would re-execute", raise_pabt, 0},
    {"bkpt", "PABT: bkpt #0x7 (debug event), the handler steps past it", raise_bkpt, 0},
};

const unsigned arch_trap_count = sizeof(arch_traps) / sizeof(arch_traps[0]);
