#include "arch.h"
#include "printf.h"
#include "stats.h"
#include "storm.h"

#define STATS_VECTORS 256

static volatile uint64_t counts[STATS_VECTORS];

void stats_count(unsigned vector)
{
    if (vector < STATS_VECTORS)
        counts[vector]++;
    storm_note(vector);
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
