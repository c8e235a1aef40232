/* `break NAME` on Cortex-M: the vector table made wrong on purpose, then a
 * UsageFault raised (udf) from Thread mode to run through it.
 *
 * thumb: UsageFault's word in the live table without bit 0. The CPU takes the
 *   exception, loads PC from the word and EPSR.T from its bit 0 (ARMv7-M ARM
 *   B1.5.6); its first instruction then executes with T = 0, which M-profile
 *   cannot do: an INVSTATE UsageFault. UsageFault is already active, so it
 *   cannot preempt itself: it escalates to HardFault with HFSR.FORCED, and
 *   the stacked PC is the handler's (even) address.
 * vtor-empty: VTOR moved to a table of zeros but for word 0 (the SP) and
 *   HardFault: UsageFault's vector 0 sends the CPU to address 0 with T = 0,
 *   which escalates the same way, with the stacked PC 0.
 *
 * The HardFault handler recovers out of the broken UsageFault (faults.c).
 * Moving VTOR to an address that is not a multiple of the table's size
 * (rounded up to a power of two) is UNPREDICTABLE in the architecture; QEMU
 * 7.2 keeps VTOR bits 31:7 and adds 4 * N, so it shows nothing: not raised.
 */
#include <stdint.h>

#include "arch.h"
#include "cm3.h"
#include "isr.h"
#include "memlayout.h"
#include "nvic.h"
#include "printf.h"

#define THUMB_BIT 1u

/* Word N of the table is exception N's vector (nvic.h numbers them). VTOR
   needs the table aligned to its size rounded up to a power of two. */
#define TABLE_ALIGN 256
_Static_assert(ISR_VECTOR_COUNT * 4 <= TABLE_ALIGN, "the empty table must fit its alignment");

static uint32_t empty_table[ISR_VECTOR_COUNT] __attribute__((aligned(TABLE_ALIGN)));
static uint32_t saved_word, saved_vtor;

#define PRIORITY_STEP 0x20    /* the AN385's M3 keeps 3 priority bits */

/* `break` masked interrupts with PRIMASK, which would escalate the fault for
   that reason alone. BASEPRI instead holds back everything less urgent than
   UsageFault, so that no interrupt pending now (the SysTick's) enters the
   damaged table first; restore() clears it once the table is whole. */
static void raise_usage_fault(void)
{
    w_basepri((uint32_t)nvic_priority(EXC_USAGEFAULT) + PRIORITY_STEP);
    cpsie_i();
    __asm__ volatile("udf #2" ::: "memory");
}

static void break_thumb(void)
{
    volatile uint32_t *table = (volatile uint32_t *)mmio_read(SCB_VTOR);
    saved_word = table[EXC_USAGEFAULT];
    table[EXC_USAGEFAULT] = saved_word & ~THUMB_BIT;
    barrier();
    kprintf("break: vtor=0x%x word=%u value=0x%x\n", (unsigned)(uintptr_t)table, EXC_USAGEFAULT,
            (unsigned)table[EXC_USAGEFAULT]);
    raise_usage_fault();
}

static void restore_thumb(void)
{
    volatile uint32_t *table = (volatile uint32_t *)mmio_read(SCB_VTOR);
    table[EXC_USAGEFAULT] = saved_word;
    barrier();
    w_basepri(0);
}

static void break_vtor_empty(void)
{
    const uint32_t *live = (const uint32_t *)mmio_read(SCB_VTOR);
    saved_vtor = (uint32_t)(uintptr_t)live;
    empty_table[0] = live[0];
    empty_table[EXC_HARDFAULT] = live[EXC_HARDFAULT];
    mmio_write(SCB_VTOR, (uint32_t)(uintptr_t)empty_table);
    barrier();
    kprintf("break: vtor=0x%x empty but for sp and hardfault\n", (unsigned)mmio_read(SCB_VTOR));
    raise_usage_fault();
}

static void restore_vtor(void)
{
    mmio_write(SCB_VTOR, saved_vtor);
    barrier();
    w_basepri(0);
}

const struct trap_trigger arch_breaks[] = {
    {"thumb", "UsageFault's table word without the Thumb bit, then udf: INVSTATE, forced HardFault",
     break_thumb, restore_thumb},
    {"vtor-empty", "VTOR moved to a zeroed table (only SP and HardFault), then udf: forced HardFault",
     break_vtor_empty, restore_vtor},
};

const unsigned arch_break_count = sizeof(arch_breaks) / sizeof(arch_breaks[0]);
