/* x86_64 probes (kernel/probe.h): probe.S loads every general register but
 * RSP, and RFLAGS, with the sentinels below, calls the code that raises the
 * vector, and stores what it finds when it comes back. RSP is compared too:
 * a handler of the error-code shape that did not pop the error code returns
 * with RSP 8 bytes off (the x86-interrupt bugs LLVM #26851, rust-lang #40180).
 */
#include <stdint.h>

#include "isr.h"
#include "probe.h"

#define REGISTERS 16            /* 15 general registers, then RFLAGS */

/* probe.S */
void probe_run(const void *target);
extern const char probe_gp_target[], probe_gp_next[], probe_pf_target[], probe_pf_next[];
extern const char swint_table[];    /* swint.S: "int $N; ret" at 8 * N */
#define SWINT_ENTRY_SIZE 8

static const char *const names[REGISTERS] = {
    "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "r8",
    "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rflags",
};
/* Distinct values, none a valid pointer but two: rbx is non-canonical (what
   the #GP probe dereferences) and rcx lies in the unmapped NULL page (what
   the #PF probe dereferences). RFLAGS: CF PF AF ZF SF DF OF set, IF clear so
   that no timer tick lands in the probe, bit 1 always one. */
uint64_t probe_want[REGISTERS] = {
    0x5e5e00000000a0a0, 0x80005e5e0000b0b0, 0x0000000000000c0c, 0x5e5e00000000d0d0,
    0x5e5e00000000e0e0, 0x5e5e00000000f0f0, 0x5e5e000000001010, 0x5e5e000000000808,
    0x5e5e000000000909, 0x5e5e000000001111, 0x5e5e000000001212, 0x5e5e000000001313,
    0x5e5e000000001414, 0x5e5e000000001515, 0x5e5e000000001616, 0xcd7,
};
uint64_t probe_got[REGISTERS];
uint64_t probe_rsp_before, probe_rsp_after;

#ifdef ISR_SSE_PROBE
/* The SSE variant (kernel/x86_64/sse/): xmm0-15, each two 64-bit halves, low
   first; probe.S loads and stores them with movdqu. */
#define XMM_REGISTERS 16
uint64_t probe_xmm_want[2 * XMM_REGISTERS];
uint64_t probe_xmm_got[2 * XMM_REGISTERS];
static const char *const xmm_names[XMM_REGISTERS] = {
    "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
    "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",
};

static void fill_xmm_sentinels(void)
{
    for (unsigned i = 0; i < 2 * XMM_REGISTERS; i++)
        probe_xmm_want[i] = 0x5e5e5e5e00000000ull | (0x100u + i);
}

/* A register whose either half differs fails; the line shows the half that does. */
static void compare_xmm(void)
{
    for (unsigned i = 0; i < XMM_REGISTERS; i++) {
        unsigned half = probe_xmm_got[2 * i] != probe_xmm_want[2 * i] ? 2 * i : 2 * i + 1;
        probe_check(xmm_names[i], probe_xmm_got[half] == probe_xmm_want[half], probe_xmm_want[half],
                    probe_xmm_got[half]);
    }
}
#else
static void fill_xmm_sentinels(void) {}
static void compare_xmm(void) {}
#endif

static void compare(void)
{
    for (unsigned i = 0; i < REGISTERS; i++)
        probe_check(names[i], probe_got[i] == probe_want[i], probe_want[i], probe_got[i]);
    compare_xmm();
    probe_check("rsp", probe_rsp_after == probe_rsp_before, probe_rsp_before, probe_rsp_after);
}

bool arch_probe_vector(unsigned vector, const char **why)
{
    if (isr_vector_error_code[vector]) {
        *why = "its CPU exception pushes an error code, which `int` does not; probe gp or pf instead";
        return false;
    }
    fill_xmm_sentinels();
    probe_run(swint_table + SWINT_ENTRY_SIZE * vector);
    compare();
    return true;
}

static void run_fault(const char *target, const char *next)
{
    probe_fault_next = (uintptr_t)next;
    fill_xmm_sentinels();
    probe_run(target);
    compare();
}

static void probe_gp(void)
{
    run_fault(probe_gp_target, probe_gp_next);
}

static void probe_pf(void)
{
    run_fault(probe_pf_target, probe_pf_next);
}

const struct probe_fault arch_probe_faults[] = {
    {"gp", ISR_VEC_GP, "#GP(0): a load from the non-canonical address in rbx; the abi shape with an error code", probe_gp},
    {"pf", ISR_VEC_PF, "#PF: a load from the NULL page address in rcx; the stub shape with an error code", probe_pf},
};
const unsigned arch_probe_fault_count = sizeof(arch_probe_faults) / sizeof(arch_probe_faults[0]);
