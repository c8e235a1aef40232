/* `vectors [all]`: decode the table the CPU uses (at VTOR), not the generated one. */
#include "arch.h"
#include "cm3.h"
#include "isr.h"
#include "memlayout.h"
#include "nvic.h"
#include "printf.h"
#include "string.h"

/* gen/isr_stubs.S: every default word is a weak alias isr_default_N of this
   one entry, so an address alone cannot tell the aliases apart. */
void isr_default_entry(void);

void arch_cmd_vectors(const char *arg)
{
    bool all = arg && strcmp(arg, "all") == 0;
    if (arg && !all) {
        kprintf("error: usage: vectors [all]\n");
        return;
    }
    const uint32_t *table = (const uint32_t *)mmio_read(SCB_VTOR);
    kprintf("vec=0 hex=0x0 name=SP value=0x%x\n", (unsigned)table[0]);
    for (unsigned v = 1; v < ISR_VECTOR_COUNT; v++) {
        const struct isr_symbol *s = isr_symbol_at(table[v]);
        if (!all && s && strcmp(s->style, ISR_STYLE_DEFAULT) == 0)
            continue;
        int prio = nvic_priority(v);
        kprintf("vec=%u hex=0x%x name=%s prio=", v, v, arch_vector_name(v));
        if (prio < 0)
            kprintf("fixed");
        else
            kprintf("0x%x", (unsigned)prio);
        if (table[v] == (uint32_t)(uintptr_t)isr_default_entry)
            kprintf(" entry=isr_default_%u alias=isr_default_entry", v);
        else
            kprintf(" entry=%s", s ? s->symbol : "?");
        kprintf(" handler=%s style=%s addr=0x%x\n", s ? s->handler : "?", s ? s->style : "?", (unsigned)table[v]);
    }
}
