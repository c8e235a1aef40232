/* arm32 probes (kernel/probe.h): probe.S loads r0-r12, lr (SYS mode's) and
 * the CPSR flags with the sentinels below (r0 and r1 are the GICD_SGIR
 * store's address and value), raises the SGI or makes an abort, and reports
 * every register back, and sp before and after. */
#include <stdint.h>

#include "arm/gicv2.h"
#include "arm/probe_regs.h"
#include "gic.h"
#include "isr.h"
#include "memlayout.h"
#include "probe.h"

#define FLAGS 0xf80f0000u       /* N, Z, C, V, Q and GE[3:0]: what APSR holds */
#define PMR_MASK_ALL 0x00       /* GICC_PMR: no priority is below it */
enum { RAISE = 0, DATA_ABORT = 1, PREFETCH_ABORT = 2 };     /* probe.S agrees */

static const char *const names[PROBE_REGISTERS] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "lr", "flags",
};
uint32_t probe_want[PROBE_REGISTERS];
uint32_t probe_got[PROBE_REGISTERS];
uint32_t probe_sp_before, probe_sp_after;

static void run(uint32_t kind, uint32_t r0, uint32_t r1, uint32_t pmr)
{
    probe_load_want(r0, r1, TRAP_UNASSIGNED, FLAGS);
    uint32_t old = gic_set_priority_mask(pmr);
    probe_run(kind);
    gic_set_priority_mask(old);
    probe_got[PROBE_FLAGS] &= FLAGS;        /* the mode and mask bits are probe.S's own */
    probe_check_registers(names);
}

bool arch_probe_vector(unsigned vector, const char **why)
{
    unsigned sgi;
    uint32_t pmr;
    if (!gicv2_sgi_window(vector, &sgi, &pmr, why))
        return false;
    run(RAISE, gic_sgir_address(), gic_sgir_to_self(sgi), pmr);
    return true;
}

/* GICC_PMR masks every interrupt while a fault is probed: the probe sees
   only its own fault's handler. */
static void probe_data_abort(void)
{
    run(DATA_ABORT, 0x5e5e0101u, 0x5e5e0202u, PMR_MASK_ALL);
}

static void probe_prefetch_abort(void)
{
    probe_fault_next = (uintptr_t)probe_back;
    run(PREFETCH_ABORT, 0x5e5e0101u, 0x5e5e0202u, PMR_MASK_ALL);
}

const struct probe_fault arch_probe_faults[] = {
    {"dabt", ISR_VEC_DABT, "DABT: a load from the address in r12, which nothing decodes; abi ABORT, whose return "
                "skips it", probe_data_abort},
    {"pabt", ISR_VEC_PABT, "PABT: a branch to the address in r12; the stub shape, the handler writes the frame's pc",
     probe_prefetch_abort},
};
const unsigned arch_probe_fault_count = sizeof(arch_probe_faults) / sizeof(arch_probe_faults[0]);
