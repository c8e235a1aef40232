/* `vectors [all]`: decode the table the CPU uses, in flash at address 0,
 * not the generated source. Each slot is JMP k (AVR Instruction Set Manual,
 * JMP): 1001 010k kkkk 110k, then the low 16 bits of the 22-bit word address. */
#include "arch.h"
#include "avr.h"
#include "isr.h"
#include "printf.h"
#include "string.h"

#define JMP_MASK 0xfe0eu
#define JMP_OPCODE 0x940cu

void avr_reset(void);

/* Word address a slot jumps to, or 0 if the slot holds no JMP. */
static uint32_t slot_target(unsigned vector)
{
    uint16_t address = (uint16_t)(uintptr_t)__isr_table_start + 4 * vector;
    uint16_t first = flash_word(address);
    if ((first & JMP_MASK) != JMP_OPCODE)
        return 0;
    uint32_t high = ((first >> 3) & 0x3eu) | (first & 1u);
    return high << 16 | flash_word(address + 2);
}

/* gen/isr_info.c's isr_symbols sit in flash with the table (gen/keep.ld):
   read each entry's words with LPM. The strings they point to are in SRAM. */
static bool symbol_at(uint32_t word_address, struct isr_symbol *out)
{
    uint16_t p = (uint16_t)(uintptr_t)__isr_symbols_start;
    uint16_t end = (uint16_t)(uintptr_t)__isr_symbols_end;
    for (; p < end; p += sizeof(struct isr_symbol)) {
        if (flash_word(p) != word_address)
            continue;
        out->entry = flash_word(p);
        out->symbol = (const char *)(uintptr_t)flash_word(p + 2);
        out->handler = (const char *)(uintptr_t)flash_word(p + 4);
        out->style = (const char *)(uintptr_t)flash_word(p + 6);
        return true;
    }
    return false;
}

void arch_cmd_vectors(const char *arg)
{
    bool all = arg && strcmp(arg, "all") == 0;
    if (arg && !all) {
        kprintf("error: usage: vectors [all]\n");
        return;
    }
    uint32_t reset = slot_target(0);
    kprintf("vec=0 hex=0x0 name=RESET entry=%s addr=0x%lx\n",
            reset == (uintptr_t)avr_reset ? "avr_reset" : "?", (unsigned long)(reset * 2));
    for (unsigned v = 1; v < ISR_VECTOR_COUNT; v++) {
        uint32_t target = slot_target(v);
        struct isr_symbol s;
        bool known = symbol_at(target, &s);
        if (!all && known && strcmp(s.style, ISR_STYLE_DEFAULT) == 0)
            continue;
        kprintf("vec=%u hex=0x%x name=%s entry=%s handler=%s style=%s nonblocking=%u addr=0x%lx\n", v, v,
                arch_vector_name(v), known ? s.symbol : "?", known ? s.handler : "?", known ? s.style : "?",
                isr_nonblocking[v], (unsigned long)(target * 2));
    }
}
