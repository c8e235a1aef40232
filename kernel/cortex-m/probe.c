/* cortex-m probes (kernel/probe.h): probe.S loads r0-r12, lr and the APSR
 * flags with the sentinels below (r0 and r1 are the NVIC_STIR store's address
 * and IRQ), raises the vector or makes a fault, and reports every register
 * back, and sp before and after. */
#include <stdint.h>

#include "arm/probe_regs.h"
#include "cm3.h"
#include "isr.h"
#include "memlayout.h"
#include "nvic.h"
#include "probe.h"
#include "string.h"

#define PRIORITY_STEP 0x20      /* as in bench.c */
#define APSR_NZCVQ 0xf8000000u
enum { RAISE = 0, UNDEFINED = 1, BUS = 2 };     /* probe.S agrees */

static const char *const names[PROBE_REGISTERS] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "lr", "apsr",
};
uint32_t probe_want[PROBE_REGISTERS];
uint32_t probe_got[PROBE_REGISTERS];
uint32_t probe_sp_before, probe_sp_after;

static void run(uint32_t kind, uint32_t r0, uint32_t r1, uint32_t basepri)
{
    probe_load_want(r0, r1, UNMAPPED_ADDR, APSR_NZCVQ);     /* r12: what `trap bus` loads from */
    probe_want[PROBE_LR] |= 1;              /* lr: a Thumb address, as any lr is */
    uint32_t saved = r_basepri();
    w_basepri(basepri);
    probe_run(kind);
    w_basepri(saved);
    probe_check_registers(names);
}

bool arch_probe_vector(unsigned vector, const char **why)
{
    if (vector < ISR_IRQ_BASE) {
        *why = "only external IRQs (vector " NUMBER_TEXT(ISR_IRQ_BASE) " and up) are pended by a store to NVIC_STIR";
        return false;
    }
    uint32_t mask = (uint32_t)nvic_priority(vector) + PRIORITY_STEP;
    if (mask > 0xff) {
        *why = "its priority is the lowest there is: BASEPRI cannot mask the timer and UART below it";
        return false;
    }
    nvic_enable(vector - ISR_IRQ_BASE);
    run(RAISE, NVIC_STIR, vector - ISR_IRQ_BASE, mask);
    return true;
}

/* The faults sit at priority 0 (isr/cortex-m.py): BASEPRI one step above it
   keeps everything else out. */
static void fault(uint32_t kind)
{
    probe_fault_next = (uintptr_t)probe_back & ~1u;
    run(kind, 0x5e5e0101u, 0x5e5e0202u, PRIORITY_STEP);
}

static void probe_undefined(void)
{
    fault(UNDEFINED);
}

static void probe_bus(void)
{
    fault(BUS);
}

const struct probe_fault arch_probe_faults[] = {
    {"undef", ISR_VEC_USAGEFAULT, "UsageFault: udf; the abi shape (a plain function)", probe_undefined},
    {"bus", ISR_VEC_BUSFAULT, "BusFault: a load from the address in r12, which nothing decodes; the stub shape", probe_bus},
};
const unsigned arch_probe_fault_count = sizeof(arch_probe_faults) / sizeof(arch_probe_faults[0]);
