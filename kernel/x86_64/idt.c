/* The live IDT, packed at boot from the table that isr/ generated.
 *
 * A long-mode gate (SDM 6.14.1) splits the handler address into 16+16+32
 * bits; no ELF relocation writes such pieces, so gen/isr_table.S holds each
 * address whole and this file packs it.
 */
#include <stdint.h>

#include "arch.h"
#include "idt.h"
#include "isr.h"
#include "panic.h"
#include "printf.h"
#include "string.h"
#include "x86.h"

struct __attribute__((packed)) gate {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t ist;                /* bits 0-2: IST index */
    uint8_t type_attr;          /* bit 7 present, bits 5-6 DPL, bits 0-3 type */
    uint16_t offset_mid;
    uint32_t offset_high;
    uint32_t reserved;
};
_Static_assert(sizeof(struct gate) == 16, "long-mode gates are 16 bytes");

struct gate idt[ISR_VECTOR_COUNT] __attribute__((aligned(16)));  /* aligned: linker ASSERT */

void idt_init(void)
{
    unsigned count = (unsigned)(__isr_table_end - __isr_table_start);
    if (count != ISR_VECTOR_COUNT)
        panic("interrupt table holds %u entries, expected %u: was gen/keep.ld linked?",
              count, ISR_VECTOR_COUNT);
    for (const struct isr_table_entry *e = __isr_table_start; e < __isr_table_end; e++) {
        struct gate *g = &idt[e->vector];
        g->offset_low = e->entry & 0xffff;
        g->selector = ISR_KERNEL_CS;
        g->ist = e->ist;
        g->type_attr = e->type_attr;
        g->offset_mid = (e->entry >> 16) & 0xffff;
        g->offset_high = e->entry >> 32;
        g->reserved = 0;
    }
    idt_load_limit(idt_full_limit());
}

uint8_t idt_gate_attr(unsigned vector)
{
    return idt[vector].type_attr;
}

/* The CPU reads the gate from memory at every delivery (no descriptor cache
   for the IDT), so a write here takes effect at the next interrupt. */
void idt_set_gate_attr(unsigned vector, uint8_t type_attr)
{
    idt[vector].type_attr = type_attr;
}

uint16_t idt_full_limit(void)
{
    return sizeof(idt) - 1;
}

void idt_load_limit(uint16_t limit)
{
    struct table_register r = {limit, (uint64_t)idt};
    lidt(&r);
}

/* `vectors [all]`: decode the IDT the CPU is using, not the generated table. */
void arch_cmd_vectors(const char *arg)
{
    bool all = arg && strcmp(arg, "all") == 0;
    if (arg && !all) {
        kprintf("error: usage: vectors [all]\n");
        return;
    }
    struct table_register r;
    sidt(&r);
    const struct gate *live = (const struct gate *)r.base;
    unsigned count = (r.limit + 1) / sizeof(struct gate);
    for (unsigned v = 0; v < count; v++) {
        const struct gate *g = &live[v];
        uint64_t entry = g->offset_low | ((uint64_t)g->offset_mid << 16) | ((uint64_t)g->offset_high << 32);
        const struct isr_symbol *s = isr_symbol_at(entry);
        if (!all && s && strcmp(s->style, ISR_STYLE_DEFAULT) == 0)
            continue;
        unsigned type = g->type_attr & 0xf;
        kprintf("vec=%u hex=0x%x name=%s gate=%s dpl=%u ist=%u entry=%s handler=%s style=%s addr=0x%lx\n",
                v, v, arch_vector_name(v), type == 0xe ? "interrupt" : type == 0xf ? "trap" : "other",
                (g->type_attr >> 5) & 3, g->ist & 7, s ? s->symbol : "?", s ? s->handler : "?",
                s ? s->style : "?", entry);
    }
}
