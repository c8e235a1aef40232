/* `trap NAME`: raise each CPU exception that software can raise, on purpose.
 *
 * The shell (kernel/shell.c) runs each under a recovery point, so a fault comes back to the
 * prompt ("recovered") and a trap continues after it ("resumed"). The
 * accesses are written in assembly: in C they would be undefined behaviour
 * that the compiler may remove or turn into something else.
 */
#include <stdint.h>

#include "arch.h"
#include "fpu.h"
#include "gdt.h"
#include "isr.h"
#include "memlayout.h"
#include "user.h"
#include "x86.h"

#define NON_CANONICAL 0x8000000000000000ull   /* bits 63:47 not all equal: #GP */

void raise_nest(void);          /* irq.c */

static void raise_de(void)
{
    __asm__ volatile("xorl %%edx, %%edx\n\tmovl $1, %%eax\n\txorl %%ecx, %%ecx\n\tdivl %%ecx"
                     ::: "rax", "rcx", "rdx", "cc");
}

/* POPF sets TF; the CPU traps after the instruction that follows it. */
static void raise_db(void)
{
    __asm__ volatile("pushfq\n\torq $0x100, (%%rsp)\n\tpopfq\n\tnop" ::: "memory", "cc");
}

static void raise_nmi(void)
{
    __asm__ volatile("int %0" : : "i"(ISR_VEC_NMI));    /* runs the NMI gate (and its IST stack) without the NMI pin */
}

static void raise_bp(void)
{
    __asm__ volatile("int3");
}

static void raise_of(void)
{
    __asm__ volatile("int %0" : : "i"(ISR_VEC_OF));     /* INTO is invalid in 64-bit mode */
}

static void raise_br(void)
{
    __asm__ volatile("int %0" : : "i"(ISR_VEC_BR));     /* BOUND is invalid in 64-bit mode */
}

static void raise_ud(void)
{
    __asm__ volatile("ud2");
}

/* With CR0.TS set, the next x87 instruction raises #NM; the handler clears TS
   and the instruction runs again: lazy FPU switching in miniature. */
static void raise_nm(void)
{
    w_cr0(r_cr0() | CR0_TS);
    __asm__ volatile("fnop");
}

/* Unmask x87 divide-by-zero and divide 1 by 0: the error stays pending until
   the next waiting x87 instruction, FWAIT, which raises #MF (CR0.NE=1). */
static void raise_mf(void)
{
    fldcw(FCW_DEFAULT & ~FCW_ZERO_DIVIDE_MASK);
    __asm__ volatile("fld1\n\tfldz\n\tfdivrp\n\tfwait" ::: "memory");
}

/* Unmask SSE divide-by-zero and divide 1 by 0 with DIVSS: with CR4.OSXMMEXCPT
   set (fpu_init) the CPU raises #XM, vector 19. QEMU 7.2's TCG only sets
   MXCSR.ZE and goes on, so this comes back "resumed" with no report; the
   test that expects #XM is marked expected-to-fail. xmm0/xmm1 are not named
   as clobbers: the kernel is built without SSE, and no compiled code uses them. */
static void raise_xm(void)
{
    ldmxcsr(MXCSR_DEFAULT & ~MXCSR_ZERO_DIVIDE_MASK);
    __asm__ volatile("mov $1, %%eax\n\tcvtsi2ss %%eax, %%xmm1\n\txorps %%xmm0, %%xmm0\n\t"
                     "divss %%xmm0, %%xmm1" ::: "eax", "memory");
}

static void restore_mxcsr(void)
{
    ldmxcsr(MXCSR_DEFAULT);     /* masked again, and ZE cleared */
}

/* Recursion runs into boot_stack_guard, which is unmapped: the push faults,
   the CPU cannot push the #PF frame on that same stack either, and a fault
   while delivering a fault is #DF, which switches to its IST stack. */
__attribute__((noinline)) static uint64_t overflow_stack(uint64_t depth)
{
    volatile uint8_t frame[512];
    frame[0] = (uint8_t)depth;
    if (depth == UINT64_MAX)
        return 0;
    return overflow_stack(depth + 1) + frame[0];
}

static void raise_df(void)
{
    overflow_stack(0);
}

static void load_ds(uint16_t selector)
{
    __asm__ volatile("movw %0, %%ds" : : "r"(selector) : "memory");
}

static void raise_np(void)
{
    load_ds(GDT_ABSENT_DATA);
}

static void raise_ss(void)
{
    __asm__ volatile("movw %0, %%ss" : : "r"((uint16_t)GDT_ABSENT_DATA) : "memory");
}

static void raise_gp(void)
{
    __asm__ volatile("movq (%0), %%rax" : : "r"(NON_CANONICAL) : "rax", "memory");
}

static void raise_gp_selector(void)
{
    load_ds(GDT_LIMIT_END);
}

static void read_at(uint64_t addr)
{
    __asm__ volatile("movq (%0), %%rax" : : "r"(addr) : "rax", "memory");
}

static void write_at(uint64_t addr)
{
    __asm__ volatile("movq $0, (%0)" : : "r"(addr) : "memory");
}

static void raise_pf_read(void)
{
    read_at(TRAP_NULL_PAGE);
}

static void raise_pf_write(void)
{
    write_at(TRAP_NULL_PAGE);
}

static void raise_pf_protection(void)
{
    write_at(TRAP_RO_PAGE);
}

static void raise_pf_fetch(void)
{
    __asm__ volatile("call *%0" : : "r"((uint64_t)TRAP_NX_PAGE) : "memory");
}

const struct trap_trigger arch_traps[] = {
    {"de", "#DE: divide by zero", raise_de, 0},
    {"db", "#DB: single step with RFLAGS.TF", raise_db, 0},
    {"nmi", "NMI gate through int 2 (IST stack)", raise_nmi, 0},
    {"bp", "#BP: int3, resumes after it", raise_bp, 0},
    {"of", "#OF: int 4 (INTO is invalid in long mode)", raise_of, 0},
    {"br", "#BR: int 5 (BOUND is invalid in long mode)", raise_br, 0},
    {"ud", "#UD: ud2", raise_ud, 0},
    {"nm", "#NM: x87 instruction with CR0.TS set", raise_nm, 0},
    {"mf", "#MF: x87 divide by zero, unmasked, reported at FWAIT", raise_mf, 0},
    {"xm", "#XM: SSE divide by zero, unmasked (QEMU 7.2 TCG: not raised)", raise_xm, restore_mxcsr},
    {"df", "#DF: kernel stack overflow into the guard page", raise_df, 0},
    {"np", "#NP: load DS with a not-present segment", raise_np, 0},
    {"ss", "#SS: load SS with a not-present segment", raise_ss, 0},
    {"gp", "#GP: non-canonical address", raise_gp, 0},
    {"gp-sel", "#GP: selector past the GDT limit", raise_gp_selector, 0},
    {"pf", "#PF: read of an unmapped page (NULL)", raise_pf_read, 0},
    {"pf-write", "#PF: write to an unmapped page", raise_pf_write, 0},
    {"pf-ro", "#PF: write to a read-only page", raise_pf_protection, 0},
    {"pf-nx", "#PF: instruction fetch from a no-execute page", raise_pf_fetch, 0},
    {"nest", "IRQ 4 (COM1 transmitter empty) whose handler sets IF: the timer's IRQ 0 nests", raise_nest, 0},
    {"user-syscall", "ring 3: int through the DPL 3 system-call gate, echo then exit", raise_user_syscall, 0},
    {"user-int-dpl0", "ring 3: int through a DPL 0 gate: #GP, IDT bit", raise_user_int_dpl0, 0},
    {"user-hlt", "ring 3: hlt, privileged: #GP(0)", raise_user_hlt, 0},
    {"user-cli", "ring 3: cli with IOPL 0: #GP(0)", raise_user_cli, 0},
    {"user-pf", "ring 3: read of an unmapped page: #PF, U bit", raise_user_pf, 0},
    {"user-kmem", "ring 3: read of a kernel page: #PF, U and P bits", raise_user_kernel_memory, 0},
    {"user-ac", "ring 3: misaligned load with CR0.AM and RFLAGS.AC: #AC(0)", raise_user_ac, 0},
};

const unsigned arch_trap_count = sizeof(arch_traps) / sizeof(arch_traps[0]);
