/* `break NAME` on arm32: the live VBAR table made wrong on purpose.
 *
 * irq-entry: the IRQ word (VBAR + 0x18) becomes UDF. The next IRQ (the
 * timer's, within a tick) enters IRQ mode there, and the undefined
 * instruction is taken from IRQ mode at the UNDEF word with LR_und = the IRQ
 * word + 4 (ARM DDI 0406C B1.8.3). on_undefined reports it; its UNDEF return
 * would land on the FIQ word, so it leaves for the recovery point instead.
 * The IRQ was never acknowledged: it stays pending at the GIC and is taken
 * through the repaired word once `break` unmasks IRQs again.
 */
#include <stdint.h>

#include "arch.h"
#include "arm32.h"
#include "isr.h"
#include "printf.h"

#define VBAR_IRQ (ISR_VBAR_ENTRY_SIZE * ISR_VEC_IRQ)     /* the IRQ word's offset */
#define UDF_0 0xe7f000f0u       /* UDF #0 (A8.8.247), permanently undefined */

static uint32_t saved_insn;

/* The table is code: write the word, then make the instruction side see it
   (B2.2.9: DSB, ICIMVAU, BPIALL, DSB, ISB; the data cache is off here). */
static void write_insn(uint32_t addr, uint32_t insn)
{
    *(volatile uint32_t *)addr = insn;
    __asm__ volatile("dsb\n\tmcr p15, 0, %0, c7, c5, 1\n\tmcr p15, 0, %0, c7, c5, 6\n\tdsb\n\tisb"
                     : : "r"(addr) : "memory");
}

static void break_irq_entry(void)
{
    uint32_t entry = r_vbar() + VBAR_IRQ;
    saved_insn = *(volatile uint32_t *)entry;
    write_insn(entry, UDF_0);
    kprintf("break: vbar=0x%x irq entry=0x%x insn=udf\n", (unsigned)r_vbar(), (unsigned)entry);
    for (;;) {
        irq_enable();           /* the next IRQ enters the broken word and does not come back */
        wfi();
    }
}

static void restore_irq_entry(void)
{
    write_insn(r_vbar() + VBAR_IRQ, saved_insn);
}

const struct trap_trigger arch_breaks[] = {
    {"irq-entry", "the IRQ word overwritten with udf: the next IRQ is an undefined instruction there",
     break_irq_entry, restore_irq_entry},
};

const unsigned arch_break_count = sizeof(arch_breaks) / sizeof(arch_breaks[0]);
