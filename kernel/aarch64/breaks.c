/* `break NAME` on aarch64: the live VBAR_EL1 table made wrong on purpose.
 *
 * irq-entry: the EL1H_IRQ entry's first instruction becomes UDF #0. The next
 * IRQ (the timer's, within a tick) enters it, and the undefined instruction
 * is a synchronous exception taken at the EL1H_SYNC entry with ESR_EL1.EC =
 * 0 (unknown reason) and ELR_EL1 = the IRQ entry's address (Arm ARM D1.10.1):
 * on_sync reports it and recovers. The IRQ stays pending at the GIC and is
 * delivered through the repaired entry once `break` unmasks IRQs again.
 */
#include <stdint.h>

#include "aarch64.h"
#include "arch.h"
#include "printf.h"

/* VBAR_EL1 entry for an IRQ taken at the current EL with SP_ELx (D1.10.2). */
#define VBAR_EL1H_IRQ 0x280
#define UDF_0 0x00000000u       /* UDF #imm16 with imm16 = 0: permanently undefined */

static uint32_t saved_insn;

/* The table is code: write the word, clean it to the point of unification
   and invalidate the instruction cache there, so that the fetch sees it
   (B2.4.4; a no-op with the caches off, which is how this kernel runs). */
static void write_insn(uint64_t addr, uint32_t insn)
{
    *(volatile uint32_t *)addr = insn;
    __asm__ volatile("dc cvau, %0\n\tdsb ish\n\tic ivau, %0\n\tdsb ish\n\tisb" : : "r"(addr) : "memory");
}

static void break_irq_entry(void)
{
    uint64_t entry = r_vbar() + VBAR_EL1H_IRQ;
    saved_insn = *(volatile uint32_t *)entry;
    write_insn(entry, UDF_0);
    kprintf("break: vbar=0x%lx irq entry=0x%lx insn=udf\n", r_vbar(), entry);
    for (;;) {
        irq_enable();           /* the next IRQ enters the broken entry and does not come back */
        wfi();
    }
}

static void restore_irq_entry(void)
{
    write_insn(r_vbar() + VBAR_EL1H_IRQ, saved_insn);
}

const struct trap_trigger arch_breaks[] = {
    {"irq-entry", "EL1H_IRQ entry overwritten with udf: the next IRQ is an undefined instruction there",
     break_irq_entry, restore_irq_entry},
};

const unsigned arch_break_count = sizeof(arch_breaks) / sizeof(arch_breaks[0]);
