/* `vectors [all]`: the live tables. VBAR_EL1 entries are read back from the
 * table VBAR_EL1 points at (decoding each entry's B), GIC entries from the
 * distributor's live priority and enable bits. */
#include <stdint.h>

#include "aarch64.h"
#include "arch.h"
#include "gic.h"
#include "isr.h"
#include "printf.h"
#include "string.h"

/* B imm26 (Arm ARM C6.2.26): opcode 0b000101 in bits 31:26, the offset in
   words, signed, in bits 25:0. */
#define B_OPCODE_MASK 0xfc000000u
#define B_OPCODE 0x14000000u

static uintptr_t branch_target(const uint32_t *insn)
{
    if ((*insn & B_OPCODE_MASK) != B_OPCODE)
        return 0;
    int64_t words = (int64_t)((uint64_t)(*insn & 0x03ffffffu) << 38) >> 38;
    return (uintptr_t)insn + (uintptr_t)(words * 4);
}

void arch_cmd_vectors(const char *arg)
{
    bool all = arg && strcmp(arg, "all") == 0;
    if (arg && !all) {
        kprintf("error: usage: vectors [all]\n");
        return;
    }
    const uint32_t *vbar = (const uint32_t *)r_vbar();
    for (unsigned v = 0; v < ISR_VBAR_ENTRIES; v++) {
        uintptr_t target = branch_target(vbar + v * ISR_VBAR_ENTRY_SIZE / 4);
        const struct isr_symbol *s = isr_symbol_at(target);
        if (!all && (!s || strcmp(s->style, ISR_STYLE_DEFAULT) == 0))
            continue;
        kprintf("vec=%u hex=0x%x name=%s entry=%s handler=%s style=%s addr=0x%lx\n", v, v, arch_vector_name(v),
                s ? s->symbol : "?", s ? s->handler : "?", s ? s->style : "?", (unsigned long)target);
    }
    for (const struct isr_gic_entry *e = __isr_gic_table_start; e < __isr_gic_table_end; e++) {
        if (!all && !e->enabled)
            continue;
        const struct isr_symbol *s = isr_symbol_at(e->entry);
        unsigned v = ISR_IRQ_BASE + e->intid;
        kprintf("vec=%u hex=0x%x name=%s intid=%u prio=0x%x enabled=%u handler=%s style=%s addr=0x%lx\n",
                v, v, arch_vector_name(v), e->intid, gic_priority(e->intid), gic_enabled(e->intid),
                s ? s->handler : "?", s ? s->style : "?", (unsigned long)e->entry);
    }
}
