/* `bench N` and `bench empty`: one measured window each (kernel/bench.h). The
 * answer is printed after the window closes: printing inside it would count
 * UART polling, which varies. */
#include <stdint.h>

#include "arch.h"
#include "bench.h"
#include "isr.h"
#include "printf.h"
#include "probe.h"
#include "string.h"

unsigned long bench_counter;

/* On x86_64 it also notes whether its caller kept the stack aligned (the
   probe's call-alignment check): 4 instructions in every x86_64 "call" row. */
void bench_bump(void)
{
    PROBE_NOTE_CALL();
    bench_counter++;
}

/* A variable, not ISR_BENCH_COUNT itself: a spec with no bench vector makes the
   count 0, and `i < 0` on an unsigned is an error under -Wextra -Werror (GCC's -Wtype-limits). */
static const unsigned bench_count = ISR_BENCH_COUNT;

void bench_vectors_print(void)
{
    if (bench_count == 0) {
        kprintf("isr/%s.py binds none (bench= on a binding makes one)\n", arch_name());
        return;
    }
    kprintf("the bench vectors are");
    for (unsigned i = 0; i < bench_count; i++)
        kprintf(" %u", (unsigned)isr_bench_vectors[i]);
    kprintf(" (bench= in isr/%s.py)\n", arch_name());
}

/* Only a bench handler adds to bench_counter: any other vector would be
   measured with its report in the window, and then show taken=0. */
int bench_vector_or_say(const char *command, unsigned long vector)
{
    for (unsigned i = 0; i < bench_count; i++)
        if (isr_bench_vectors[i] == vector)
            return 1;
    kprintf("error: %s %lu: not a bench vector; ", command, vector);
    bench_vectors_print();
    return 0;
}

void cmd_bench(const char *arg)
{
    unsigned long before = bench_counter;
    if (!arch_bench_raise || !arch_bench_empty) {
        kprintf("error: bench: %s has no measured window yet (kernel/%s/bench.c)\n", arch_name(), arch_name());
        return;
    }
    if (arg && strcmp(arg, "empty") == 0) {
        arch_bench_empty();
        kprintf("bench empty: taken=%lu\n", bench_counter - before);
        return;
    }
    uint64_t vector;
    if (!arg || !parse_u64(arg, &vector) || vector >= arch_vector_count()) {
        kprintf("error: usage: bench N (a bench vector) or bench empty; ");
        bench_vectors_print();
        return;
    }
    if (!bench_vector_or_say("bench", (unsigned long)vector))
        return;
    const char *why = "";
    if (!arch_bench_raise((unsigned)vector, &why)) {
        kprintf("error: bench %lu: %s\n", (unsigned long)vector, why);
        return;
    }
    kprintf("bench %lu: taken=%lu\n", (unsigned long)vector, bench_counter - before);
}
