/* `trap NAME`: raise each exception that software can raise, on purpose.
 *
 * Each trigger runs under a recovery point, so a fault comes back to the
 * prompt ("recovered") and ebreak or ecall continue after themselves
 * ("resumed"). The accesses are written in assembly: in C they would be
 * undefined behaviour that the compiler may remove or change.
 */
#include <stdint.h>

#include "arch.h"
#include "memlayout.h"
#include "ticks.h"
#include "user.h"

/* An 8-byte aligned word, so that +1 is misaligned for a doubleword. */
static volatile uint64_t misaligned_target[2];

void raise_nest(void);          /* irq.c */

static void raise_ecall(void)
{
    __asm__ volatile("ecall" ::: "memory");
}

/* c.ebreak, the 2-byte form: the handler must step by the real length. */
static void raise_ebreak(void)
{
    __asm__ volatile("c.ebreak" ::: "memory");
}

/* csrrw x0, cycle, x0: a write to the read-only cycle CSR is illegal, and
   mtval then holds these instruction bits. */
static void raise_illegal(void)
{
    __asm__ volatile(".4byte 0xc0001073" ::: "memory");
}

static void raise_load_fault(void)
{
    __asm__ volatile("ld t0, 0(%0)" : : "r"(TRAP_NO_DEVICE) : "t0", "memory");
}

static void raise_store_fault(void)
{
    __asm__ volatile("sd zero, 0(%0)" : : "r"(TRAP_NO_DEVICE) : "memory");
}

static void raise_fetch_fault(void)
{
    __asm__ volatile("jalr ra, 0(%0)" : : "r"(TRAP_NO_DEVICE) : "ra", "memory");
}

/* QEMU emulates misaligned plain loads and stores, but LR and the AMOs
   require natural alignment. LR raises load-misaligned. An AMO should raise
   store-misaligned, but QEMU 7.2's single-threaded TCG (one hart) performs it
   as a load then a store, and the load's alignment check fires first: it
   reports load-misaligned too, so no instruction raises store-misaligned. */
static void raise_load_misaligned(void)
{
    __asm__ volatile("lr.d t0, (%0)" : : "r"((uintptr_t)misaligned_target + 1) : "t0", "memory");
}

static void raise_amo_misaligned(void)
{
    __asm__ volatile("amoadd.d zero, zero, (%0)" : : "r"((uintptr_t)misaligned_target + 1) : "memory");
}

static void raise_user_ecall(void)
{
    user_enter(user_ecall_task, 0x41);
}

static void raise_user_csr(void)
{
    user_enter(user_csr_task, 0);
}

static void raise_user_mem(void)
{
    user_enter(user_mem_task, (uint64_t)&ticks);
}

const struct trap_trigger arch_traps[] = {
    {"ecall", "ecall-m: ecall in M-mode, returns past it", raise_ecall, 0},
    {"ebreak", "breakpoint: c.ebreak, resumes after its 2 bytes", raise_ebreak, 0},
    {"illegal", "illegal: write to the read-only cycle CSR", raise_illegal, 0},
    {"load-fault", "load-fault: load from 0, where no device answers", raise_load_fault, 0},
    {"store-fault", "store-fault: store to 0", raise_store_fault, 0},
    {"fetch-fault", "insn-fault: jump to 0", raise_fetch_fault, 0},
    {"load-misaligned", "load-misaligned: lr.d at an odd address", raise_load_misaligned, 0},
    {"amo-misaligned", "load-misaligned: amoadd.d at an odd address (QEMU 7.2)", raise_amo_misaligned, 0},
    {"user-ecall", "ecall-u: a U-mode task's system calls (echo, then exit)", raise_user_ecall, 0},
    {"user-csr", "illegal: a U-mode task reads mstatus", raise_user_csr, 0},
    {"user-mem", "load-fault: a U-mode task loads kernel memory (PMP)", raise_user_mem, 0},
    {"nest", "SSI whose stub handler sets MIE again: the timer nests in it", raise_nest, 0},
};
const unsigned arch_trap_count = sizeof(arch_traps) / sizeof(arch_traps[0]);
