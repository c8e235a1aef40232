#ifndef STATS_H
#define STATS_H

#include <stdint.h>

/* Per-vector counts of interrupts taken, bumped by the handlers (storms are
   counted before any handler runs: storm.h). */
void stats_count(unsigned vector);
uint64_t stats_get(unsigned vector);
/* Print "vec=N name=X count=C" for every vector taken at least once. */
void stats_print(void);

#endif
