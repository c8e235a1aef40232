/* Vector names and table symbols, from what every arch's gen/isr.h declares
 * alike: ISR_VECTOR_COUNT, isr_vector_names[] and the isr_symbol table that
 * gen/keep.ld bounds with __isr_symbols_start and __isr_symbols_end. */
#include "arch.h"
#include "isr.h"
#include "vectors.h"

unsigned arch_vector_count(void)
{
    return ISR_VECTOR_COUNT;
}

const char *arch_vector_name(unsigned vector)
{
    return vector < ISR_VECTOR_COUNT ? isr_vector_names[vector] : "?";
}

const struct isr_symbol *isr_symbol_at(uintptr_t entry)
{
    for (const struct isr_symbol *s = __isr_symbols_start; s < __isr_symbols_end; s++)
        if (s->entry == entry)
            return s;
    return 0;
}
