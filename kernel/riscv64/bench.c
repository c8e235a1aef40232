/* Bench handlers (isr/riscv64.py, bench=) and their measured window. A
 * software-set pending bit stays set until cleared, so on this arch the
 * minimal handler is the increment and the acknowledge (clear the bits that
 * software sets); bench_naked.S is the hand-written minimum. The window opens
 * at the `csrs mip` that makes the cause pending (bench_window.S) and closes
 * at the instruction after it, where `mret` returns. */
#include <stdint.h>

#include "bench.h"
#include "isr.h"
#include "riscv.h"

/* The mip bits that M-mode software may set (privileged spec 3.1.9): SSIP,
   STIP, SEIP. MSIP is the CLINT's, MTIP and MEIP belong to devices. */

void bench_raise_mip(uint64_t bits);        /* bench_window.S */

ISR_ABI void bench_abi(void)
{
    bench_counter++;
    c_mip(MIP_SOFTWARE_SETTABLE);
}

void bench_stub(struct trap_frame *frame)
{
    (void)frame;
    bench_counter++;
    c_mip(MIP_SOFTWARE_SETTABLE);
}

ISR_ABI void bench_abi_call(void)
{
    bench_bump();
    c_mip(MIP_SOFTWARE_SETTABLE);
}

void bench_stub_call(struct trap_frame *frame)
{
    (void)frame;
    bench_bump();
    c_mip(MIP_SOFTWARE_SETTABLE);
}

/* Only the bench cause is enabled in mie while the window runs: the timer and
   the PLIC stay pending, not taken, until mie is restored. */
static void run_window(uint64_t bits, uint64_t enable)
{
    uint64_t mstatus = r_mstatus(), mie = CSR_READ(mie);
    intr_off();
    w_mie(enable);
    bench_raise_mip(bits);
    w_mie(mie);
    if (mstatus & MSTATUS_MIE)
        intr_on();
}

bool arch_bench_raise(unsigned vector, const char **why)
{
    unsigned cause = vector - ISR_IRQ_BASE;
    if (vector < ISR_IRQ_BASE || !((MIP_SOFTWARE_SETTABLE >> cause) & 1)) {
        *why = MIP_SETTABLE_ONLY;
        return false;
    }
    run_window(1ull << cause, 1ull << cause);
    return true;
}

void arch_bench_empty(void)
{
    run_window(0, 0);
}
