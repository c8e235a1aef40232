/* Vector count and names for the shell, from the generated gen/isr_info.c. */
#include "arch.h"
#include "isr.h"

unsigned arch_vector_count(void)
{
    return ISR_VECTOR_COUNT;
}

const char *arch_vector_name(unsigned vector)
{
    return vector < ISR_VECTOR_COUNT ? isr_vector_names[vector] : "?";
}
