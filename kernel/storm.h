/* Interrupt storms: a vector taken again and again while the shell never runs.
 *
 * A handler that does not acknowledge its source (a level that stays high, a
 * pending bit never cleared) is entered again the moment it returns, and the
 * interrupted code never gets another instruction in. Every entry is counted
 * before any handler code runs, whatever the handler's style or body: the
 * generated entry guard (isr/guard.py, gen/isr_stubs.S) counts storm_budget[]
 * down with every register as the CPU left it, and a common dispatch that the
 * CPU does not enter per source (the GIC's) calls storm_entry(). The shell's
 * waits call storm_thread_ran(), which refills the budgets a few at a time, in
 * turn (kernel/storm.c). STORM_LIMIT entries of one vector with the shell
 * never running in between: the arch masks the source, and one "[storm]"
 * line says what the handler must do.
 */
#ifndef STORM_H
#define STORM_H

#include <stdbool.h>
#include <stdint.h>

/* High enough that the 100 Hz timer needs 2.5 s of a shell that never waits
   to reach it; low enough that a storm stops within a blink. */
#define STORM_LIMIT 256

/* Entries each vector may still take before the shell runs again; the
   generated guards decrement it in place (one 16-bit word a vector). */
extern volatile uint16_t storm_budget[];

void storm_thread_ran(void);
/* A guard's budget ran out: mask the source and report (or exit, where
   nothing masks it). Called from the generated guards and storm_entry(). */
void storm_tripped(unsigned vector);
/* The guard for a common dispatch path, in C: count one entry of vector. */
void storm_entry(unsigned vector);
/* Whether the guard has masked vector's source: it stays masked until the next
   boot, so whatever waits on that source (sleep on the tick) must not. */
bool storm_masked(unsigned vector);

/* Mask the vector's source where the hardware can (kernel/<arch>/storm.c);
   returns what was masked, or 0 for a vector nothing can mask (an exception
   that re-runs its faulting instruction). */
const char *arch_storm_mask(unsigned vector);

#endif
