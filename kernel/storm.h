/* Interrupt storms: a vector taken again and again while the shell never runs.
 *
 * A handler that does not acknowledge its source (a level that stays high, a
 * pending bit never cleared) is entered again the moment it returns, and the
 * interrupted code never gets another instruction in. stats_count() feeds
 * every entry to storm_note(); the shell's waits call storm_thread_ran().
 * STORM_LIMIT entries of one vector with no such call in between: the arch
 * masks the source, and one "[storm]" line says what the handler must do.
 */
#ifndef STORM_H
#define STORM_H

/* High enough that the 100 Hz timer needs 2.5 s of a shell that never waits
   to reach it; low enough that a storm stops within a blink. */
#define STORM_LIMIT 256

void storm_note(unsigned vector);
void storm_thread_ran(void);

/* Mask the vector's source where the hardware can (kernel/<arch>/storm.c);
   returns what was masked, or 0 for a vector nothing can mask (an exception
   that re-runs its faulting instruction). */
const char *arch_storm_mask(unsigned vector);

#endif
