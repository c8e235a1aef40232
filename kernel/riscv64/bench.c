/* Bench handlers (isr/riscv64.py, bench=) and their measured window. A
 * software-set pending bit stays set until cleared, so on this arch the
 * minimal handler is the increment and the acknowledge (clear the bits that
 * software sets); bench_naked.S is the hand-written minimum. The cause is made
 * pending with interrupts off; the window opens at the instruction that sets
 * mstatus.MIE (bench_window.S) and closes at the one after it, where `mret`
 * returns. A handler bound to MSI acknowledges at the CLINT (clint_soft_clear). */
#include <stdint.h>

#include "bench.h"
#include "clint.h"
#include "isr.h"
#include "riscv.h"

void bench_window(void);        /* bench_window.S */

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
   the PLIC stay pending, not taken, until mie is restored. pend false: the
   empty window, nothing pending, nothing enabled. */
static void run_window(unsigned cause, bool pend)
{
    uint64_t mstatus = r_mstatus(), mie = CSR_READ(mie);
    intr_off();
    w_mie(pend ? 1ull << cause : 0);
    if (pend)
        software_pend(cause);
    bench_window();
    w_mie(mie);
    if (mstatus & MSTATUS_MIE)
        intr_on();
}

bool arch_bench_raise(unsigned vector, const char **why)
{
    unsigned cause;
    if (!software_cause(vector, &cause, why))
        return false;
    run_window(cause, true);
    return true;
}

void arch_bench_empty(void)
{
    run_window(0, false);
}
