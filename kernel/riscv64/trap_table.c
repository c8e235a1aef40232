/* mtvec in vectored mode on the table that isr/ generated, and `vectors`,
 * which decodes the table the hart uses, not the one the spec wrote. */
#include <stdint.h>

#include "arch.h"
#include "isr.h"
#include "panic.h"
#include "printf.h"
#include "riscv.h"
#include "string.h"
#include "trap_table.h"

void trap_table_init(void)
{
    uint64_t base = (uint64_t)__isr_table_start;
    uint64_t size = (uint64_t)__isr_table_end - base;
    if (size != ISR_TABLE_SIZE)
        panic("interrupt table is %llu bytes, expected %u: was gen/keep.ld linked?",
              (unsigned long long)size, ISR_TABLE_SIZE);
    /* BASE shares the register with MODE in bits 1:0: it must be 4-byte aligned
       (gen/keep.ld asserts the stricter table alignment at link time). */
    w_mtvec(base | MTVEC_VECTORED);
    if ((r_mtvec() & MTVEC_MODE_MASK) != MTVEC_VECTORED)
        panic("mtvec refused vectored mode (mtvec=0x%llx)", (unsigned long long)r_mtvec());
}

/* Where the hart lands for a vector: interrupt cause n at BASE + 4n; an
   exception code c in the trampoline after the slots, whose second word jumps. */
static uint64_t landing(uint64_t base, unsigned vector)
{
    if (vector > ISR_IRQ_BASE)
        return base + ISR_SLOT_SIZE * (vector - ISR_IRQ_BASE);
    return base + ISR_SLOT_SIZE * ISR_INTERRUPT_CAUSES + ISR_TRAMPOLINE_SIZE * vector + 4;
}

/* The target of a `j` (jal x0, J-type: imm[20|10:1|11|19:12] in bits 31:12,
   unprivileged spec 2.5), or 0 if the word is not one. */
static uint64_t jump_target(uint64_t pc)
{
    uint32_t insn = *(const uint32_t *)pc;
    if ((insn & 0xfff) != 0x06f)
        return 0;
    int64_t imm = ((int64_t)(int32_t)insn >> 31) << 20;          /* sign, bit 20 */
    imm |= ((insn >> 21) & 0x3ff) << 1;
    imm |= ((insn >> 20) & 1) << 11;
    imm |= ((insn >> 12) & 0xff) << 12;
    return pc + imm;
}

void arch_cmd_vectors(const char *arg)
{
    bool all = arg && strcmp(arg, "all") == 0;
    if (arg && !all) {
        kprintf("error: usage: vectors [all]\n");
        return;
    }
    uint64_t mtvec = r_mtvec(), base = mtvec & ~MTVEC_MODE_MASK;
    const char *mode = (mtvec & MTVEC_MODE_MASK) == MTVEC_VECTORED ? "vectored" : "direct";
    for (unsigned v = 0; v < ISR_VECTOR_COUNT; v++) {
        uint64_t at = landing(base, v), entry = jump_target(at);
        const struct isr_symbol *s = isr_symbol_at(entry);
        if (!all && s && strcmp(s->style, ISR_STYLE_DEFAULT) == 0)
            continue;
        kprintf("vec=%u hex=0x%x name=%s mtvec=%s slot=0x%llx entry=%s handler=%s style=%s addr=0x%llx\n",
                v, v, arch_vector_name(v), mode, (unsigned long long)at, s ? s->symbol : "?",
                s ? s->handler : "?", s ? s->style : "?", (unsigned long long)entry);
    }
}
