#include "arch.h"
#include "isr.h"
#include "printf.h"
#include "stats.h"

/* One count per vector of this arch (gen/isr.h), not a fixed 256: on the AVR
   57 counts leave 1.5 KiB of its 8 KiB SRAM for the storm guard and the stack. */
#define STATS_VECTORS ISR_VECTOR_COUNT

static volatile uint64_t counts[STATS_VECTORS];

void stats_count(unsigned vector)
{
    if (vector < STATS_VECTORS)
        counts[vector]++;
}

uint64_t stats_get(unsigned vector)
{
    return vector < STATS_VECTORS ? counts[vector] : 0;
}

void stats_print(void)
{
    for (unsigned v = 0; v < arch_vector_count() && v < STATS_VECTORS; v++)
        if (counts[v])
            kprintf("vec=%u name=%s count=%llu\n", v, arch_vector_name(v), (unsigned long long)counts[v]);
}
