/* `vectors [all]`: the live tables. VBAR words are read back from the table
 * VBAR points at (decoding each word's B), GIC entries from the distributor's
 * live priority, group and enable bits. */
#include <stdint.h>

#include "arch.h"
#include "arm32.h"
#include "gic.h"
#include "isr.h"
#include "printf.h"
#include "string.h"

/* B (ARM DDI 0406C A8.8.18, encoding A1): cond 1110 (always), 101, L = 0,
   imm24 in words, signed, relative to the instruction's address + 8. */
#define B_MASK 0xff000000u
#define B_ALWAYS 0xea000000u

static uintptr_t branch_target(const uint32_t *insn)
{
    if ((*insn & B_MASK) != B_ALWAYS)
        return 0;
    int32_t words = (int32_t)(*insn << 8) >> 8;
    return (uintptr_t)insn + 8 + (uintptr_t)(words * 4);
}

void arch_cmd_vectors(const char *arg)
{
    bool all = arg && strcmp(arg, "all") == 0;
    if (arg && !all) {
        kprintf("error: usage: vectors [all]\n");
        return;
    }
    static const char *const kinds[ISR_VBAR_ENTRIES] = ISR_VBAR_KINDS;
    const uint32_t *vbar = (const uint32_t *)r_vbar();
    for (unsigned v = 0; v < ISR_VBAR_ENTRIES; v++) {
        uintptr_t target = branch_target(vbar + v);
        const struct isr_symbol *s = isr_symbol_at(target);
        if (!all && (!s || strcmp(s->style, ISR_STYLE_DEFAULT) == 0))
            continue;
        kprintf("vec=%u hex=0x%x name=%s entry=%s handler=%s style=%s", v, v, arch_vector_name(v),
                s ? s->symbol : "?", s ? s->handler : "?", s ? s->style : "?");
        if (s && kinds[v][0])
            kprintf(" kind=%s", kinds[v]);     /* the interrupt(KIND) the prototype gave it */
        kprintf(" addr=0x%x\n", (unsigned)target);
    }
    for (const struct isr_gic_entry *e = __isr_gic_table_start; e < __isr_gic_table_end; e++) {
        if (!all && !e->enabled)
            continue;
        const struct isr_symbol *s = isr_symbol_at(e->entry);
        unsigned v = ISR_IRQ_BASE + e->intid;
        kprintf("vec=%u hex=0x%x name=%s intid=%u prio=0x%x group=%u kind=%s enabled=%u handler=%s style=%s "
                "addr=0x%x\n", v, v, arch_vector_name(v), e->intid, gic_priority(e->intid), gic_group0(e->intid) ? 0 : 1,
                gic_group0(e->intid) ? "fiq" : "irq", gic_enabled(e->intid),
                s ? s->handler : "?", s ? s->style : "?", (unsigned)e->entry);
    }
}
