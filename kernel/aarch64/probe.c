/* aarch64 probes (kernel/probe.h): probe.S loads x0-x30 and NZCV with the
 * sentinels below (x0 and x1 are the GICD_SGIR store's address and value),
 * raises the SGI or makes a data abort, and reports every register back,
 * and sp before and after. */
#include <stdint.h>

#include "arm/gicv2.h"
#include "gic.h"
#include "isr.h"
#include "memlayout.h"
#include "probe.h"

#define REGISTERS 32            /* x0-x30, NZCV */
#define NZCV 0xf0000000ull
enum { RAISE = 0, DATA_ABORT = 1 };     /* probe.S agrees */

void probe_run(uint64_t kind);          /* probe.S */
extern const char probe_back[];

static const char *const names[REGISTERS] = {
    "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
    "x16", "x17", "x18", "x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28", "x29",
    "x30", "nzcv",
};
uint64_t probe_want[REGISTERS];
uint64_t probe_got[REGISTERS];
uint64_t probe_sp_before, probe_sp_after;

static void run(uint64_t kind, uint64_t x0, uint64_t x1)
{
    for (unsigned i = 0; i < REGISTERS; i++)
        probe_want[i] = 0x5e5e000000000000ull | (uint64_t)(i + 1) << 8 | (i + 1);
    probe_want[0] = x0;
    probe_want[1] = x1;
    probe_want[2] = TRAP_UNASSIGNED;
    probe_want[31] = NZCV;
    probe_run(kind);
    for (unsigned i = 0; i < REGISTERS; i++)
        probe_check(names[i], probe_got[i] == probe_want[i], probe_want[i], probe_got[i]);
    probe_check("sp", probe_sp_after == probe_sp_before, probe_sp_before, probe_sp_after);
}

bool arch_probe_vector(unsigned vector, const char **why)
{
    unsigned sgi;
    uint32_t pmr;
    if (!gicv2_sgi_window(vector, &sgi, &pmr, why))
        return false;
    uint32_t old = gic_set_priority_mask(pmr);
    run(RAISE, gic_sgir_address(), gic_sgir_to_self(sgi));
    gic_set_priority_mask(old);
    return true;
}

static void probe_data_abort(void)
{
    probe_fault_next = (uintptr_t)probe_back;
    run(DATA_ABORT, 0x5e5e000000000101ull, 0x5e5e000000000202ull);
}

const struct probe_fault arch_probe_faults[] = {
    {"dabt", ISR_VEC_EL1H_SYNC, "EL1H_SYNC: a data abort, a load from the address in x2, which nothing decodes", probe_data_abort},
};
const unsigned arch_probe_fault_count = sizeof(arch_probe_faults) / sizeof(arch_probe_faults[0]);
