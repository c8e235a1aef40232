/* The storm guard (storm.h): each vector's budget of entries between two runs of the shell. */
#include <stdint.h>

#include "arch.h"
#include "isr.h"
#include "panic.h"
#include "printf.h"
#include "storm.h"

/* 16 bits a vector, full at boot (a storm before the shell first waits still
   meets a budget). The generated guards address it as storm_budget + 2 * vector. */
volatile uint16_t storm_budget[ISR_VECTOR_COUNT] = {[0 ... ISR_VECTOR_COUNT - 1] = STORM_LIMIT};

/* One bit a vector, set when the guard masks its source: bytes, which every
   arch here loads and stores whole, as the shell reads what a handler set. */
static volatile uint8_t masked_sources[(ISR_VECTOR_COUNT + 7) / 8];

/* The shell's waits run this after every wake, often in a polling loop (the
   AVR's: refilling all 57 budgets on every call made 100 ticks take 26 s of
   host time under QEMU 7.2), so each call refills a sixteenth of them, in turn: a vector's
   budget is refilled within REFILL_ROUNDS runs of the shell, so a source the
   shell keeps up with never comes near STORM_LIMIT. */
#define REFILL_ROUNDS 16
#define REFILL_PER_CALL ((ISR_VECTOR_COUNT + REFILL_ROUNDS - 1) / REFILL_ROUNDS)
_Static_assert(REFILL_ROUNDS <= STORM_LIMIT / 16, "the storm guard would trip on a vector that is not storming");

void storm_thread_ran(void)
{
    static unsigned next;
    for (unsigned i = 0; i < REFILL_PER_CALL; i++) {
        storm_budget[next] = STORM_LIMIT;
        next = next + 1 < ISR_VECTOR_COUNT ? next + 1 : 0;
    }
}

void storm_tripped(unsigned vector)
{
    if (vector >= ISR_VECTOR_COUNT)
        return;
    storm_budget[vector] = STORM_LIMIT;     /* a source that stays masked comes no more */
    const char *masked = arch_storm_mask(vector);
    if (masked)
        masked_sources[vector / 8] |= (uint8_t)(1u << (vector % 8));
    kprintf("[storm] vec=%u name=%s count=%u masked=%s ack=%s\n", vector, arch_vector_name(vector),
            STORM_LIMIT, masked ? masked : "no", isr_vector_ack(vector));
    if (!masked)                /* nothing masks it: it would storm again at once */
        panic("vector %u (%s) storms and nothing can mask it", vector, arch_vector_name(vector));
}

void storm_entry(unsigned vector)
{
    if (vector < ISR_VECTOR_COUNT && --storm_budget[vector] == 0)
        storm_tripped(vector);
}

bool storm_masked(unsigned vector)
{
    return vector < ISR_VECTOR_COUNT && (masked_sources[vector / 8] >> (vector % 8)) & 1;
}
