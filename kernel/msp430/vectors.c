/* `vectors [all]`: decode the table the CPU reads, at 0xFF80 (gen/keep.ld). */
#include "arch.h"
#include "isr.h"
#include "printf.h"
#include "string.h"

void arch_cmd_vectors(const char *arg)
{
    bool all = arg && strcmp(arg, "all") == 0;
    if (arg && !all) {
        kprintf("error: usage: vectors [all]\n");
        return;
    }
    const uint16_t *table = __isr_table_start;
    for (unsigned v = ISR_IRQ_BASE; v < ISR_VECTOR_COUNT; v++) {
        unsigned word = ISR_TABLE_BASE + 2 * v;
        if (v == ISR_RESET_VECTOR) {
            kprintf("vec=%u hex=0x%x name=%s word=0x%x entry=reset_entry style=fixed addr=0x%x\n",
                    v, v, arch_vector_name(v), word, table[v]);
            continue;
        }
        const struct isr_symbol *s = isr_symbol_at(table[v]);
        if (!all && s && strcmp(s->style, ISR_STYLE_DEFAULT) == 0)
            continue;
        kprintf("vec=%u hex=0x%x name=%s word=0x%x entry=%s handler=%s style=%s addr=0x%x\n", v, v,
                arch_vector_name(v), word, s ? s->symbol : "?", s ? s->handler : "?", s ? s->style : "?", table[v]);
    }
}
