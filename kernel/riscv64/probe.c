/* riscv64 probes (kernel/probe.h): probe.S loads x1 and x3-x31 with the
 * sentinels below, lets in the vector that was made pending with interrupts
 * off (a0's sentinel is its mip bit) or makes a fault, and reports every
 * register back, and sp before and after. */
#include <stdint.h>

#include "clint.h"
#include "isr.h"
#include "probe.h"
#include "riscv.h"

#define REGISTERS 30            /* x1, x3-x31: every general register but zero and sp */
#define A0 9                    /* x10's slot */
/* virt has no device below 0x100 (debug) and 0x1000 (the reset ROM): a load
   or store there is an access fault. */
#define NO_DEVICE_STORE 0x5e0
#define NO_DEVICE_LOAD 0x5e8

enum { RAISE = 0, PROBE_STORE = 1, PROBE_LOAD = 2 };            /* probe.S agrees */
void probe_run(uint64_t bits, uint64_t fault);                  /* probe.S */
extern const char probe_back[];

static const char *const names[REGISTERS] = {
    "ra", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5", "a6",
    "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};
uint64_t probe_want[REGISTERS];
uint64_t probe_got[REGISTERS];
uint64_t probe_sp_before, probe_sp_after;

/* cause: the one to enable and make pending (software_pend), or NO_CAUSE for a fault. */
#define NO_CAUSE 64u

static void run(unsigned cause, uint64_t fault)
{
    uint64_t bits = cause == NO_CAUSE ? 0 : 1ull << cause;
    for (unsigned i = 0; i < REGISTERS; i++)
        probe_want[i] = 0x5e5e000000000000ull | (uint64_t)(i + 1) << 8 | (i + 1);
    probe_want[A0] = bits;
    probe_want[24] = NO_DEVICE_LOAD;        /* s10 */
    probe_want[25] = NO_DEVICE_STORE;       /* s11 */
    uint64_t mstatus = r_mstatus(), mie = CSR_READ(mie);
    intr_off();
    w_mie(bits);
    if (cause != NO_CAUSE)
        software_pend(cause);
    probe_run(bits, fault);
    w_mie(mie);
    if (mstatus & MSTATUS_MIE)
        intr_on();
    for (unsigned i = 0; i < REGISTERS; i++)
        probe_check(names[i], probe_got[i] == probe_want[i], probe_want[i], probe_got[i]);
    probe_check("sp", probe_sp_after == probe_sp_before, probe_sp_before, probe_sp_after);
}

bool arch_probe_vector(unsigned vector, const char **why)
{
    unsigned cause;
    if (!software_cause(vector, &cause, why))
        return false;
    run(cause, RAISE);
    return true;
}

static void probe_store(void)
{
    probe_fault_next = (uintptr_t)probe_back;
    run(NO_CAUSE, PROBE_STORE);
}

static void probe_load(void)
{
    probe_fault_next = (uintptr_t)probe_back;
    run(NO_CAUSE, PROBE_LOAD);
}

const struct probe_fault arch_probe_faults[] = {
    {"store", ISR_VEC_STORE_FAULT, "store-fault: a store to the no-device address in s11", probe_store},
    {"load", ISR_VEC_LOAD_FAULT, "load-fault: a load from the no-device address in s10", probe_load},
};
const unsigned arch_probe_fault_count = sizeof(arch_probe_faults) / sizeof(arch_probe_faults[0]);
