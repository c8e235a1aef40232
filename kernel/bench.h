/* Bench vectors (isr/<arch>.py, bench=): the same minimal handler in every
 * style, raised one at a time by `bench N` inside a window that reports/cost.py
 * measures with a QEMU plugin (tools/plugin/window.c). */
#ifndef BENCH_H
#define BENCH_H

#include <stdbool.h>

/* What every bench handler does: one increment. A plain global, not
   volatile: the compiler must still store it, and may do so in one
   instruction where the arch has a memory increment (x86 incq). */
extern unsigned long bench_counter;

/* The "calls a function" variant's callee: an ordinary function in another
   file, so the handler that calls it must assume every caller-saved
   register clobbered. */
void bench_bump(void);

void cmd_bench(const char *arg);

/* Nonzero when vector is one of the spec's bench vectors (gen/isr_info.c);
   otherwise prints "error: COMMAND N: not a bench vector; ..." naming them.
   An int, not a bool: avr-gdb 13.1 fails an internal assertion
   (gdbtypes.h:985) on the debug information avr-gcc 5.4 writes for a bool
   function with a loop, and `break kmain` reads this file's. */
int bench_vector_or_say(const char *command, unsigned long vector);
/* "the bench vectors are 96 97 98 (bench= in isr/x86_64.py)", and a newline. */
void bench_vectors_print(void);

/* kernel/<arch>/bench.c. Raise vector N once, from software, with every
   other asynchronous interrupt masked, through the arch's measured window;
   false (and nothing raised) when software cannot raise N that way. Weak: an
   arch without bench.c links them as null, and `bench` says it has none. */
__attribute__((weak)) bool arch_bench_raise(unsigned vector, const char **why);
/* The same window with nothing raised: the baseline. */
__attribute__((weak)) void arch_bench_empty(void);

#endif
