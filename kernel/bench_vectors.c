/* Which vectors are the spec's bench vectors (gen/isr_info.c), for `bench` and
 * `probe`, which take no other (kernel/bench.h). Apart from bench.c, which the
 * probe's call-alignment note ties to probe.c, which asks this. */
#include "arch.h"
#include "bench.h"
#include "isr.h"
#include "printf.h"

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
