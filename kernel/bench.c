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
