/* The storm guard (storm.h): count each vector's entries since the shell last ran. */
#include <stdint.h>

#include "arch.h"
#include "isr.h"
#include "printf.h"
#include "storm.h"

/* 16 bits each: two words a vector, which the AVR's 8 KiB of SRAM can spare. A
   vector whose entries are exactly a multiple of 65536 shell runs apart would
   keep its streak: no source is that regular. */
static volatile uint16_t thread_runs;          /* bumped by the shell's waits */
static uint16_t seen_runs[ISR_VECTOR_COUNT];   /* thread_runs at the vector's last entry */
static uint16_t streak[ISR_VECTOR_COUNT];      /* entries since the shell last ran */

void storm_thread_ran(void)
{
    thread_runs = thread_runs + 1;
}

void storm_note(unsigned vector)
{
    if (vector >= ISR_VECTOR_COUNT)
        return;
    if (seen_runs[vector] != thread_runs) {
        seen_runs[vector] = thread_runs;
        streak[vector] = 0;
    }
    if (++streak[vector] != STORM_LIMIT)
        return;
    const char *masked = arch_storm_mask(vector);
    kprintf("[storm] vec=%u name=%s count=%u masked=%s ack=%s\n", vector, arch_vector_name(vector),
            STORM_LIMIT, masked ? masked : "no", isr_vector_ack(vector));
    if (!masked)                /* nothing masks it: it would storm again at once */
        arch_exit(ARCH_EXIT_PANIC);
}
