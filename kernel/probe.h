/* Conformance probes (`probe`): each proves that a handler keeps the contract
 * of its style, one line per check (docs/reference/cost.md, "Proving each style's contract"):
 *   probe vec=N [fault=NAME] compiler=C check=WHAT ok
 *   probe vec=N [fault=NAME] compiler=C check=WHAT FAIL want=0x... got=0x...
 * The arch (kernel/<arch>/probe.c) loads every general register and the
 * flags with a sentinel, raises the vector, and reports each one back. */
#ifndef PROBE_H
#define PROBE_H

#include <stdbool.h>
#include <stdint.h>

void cmd_probe(const char *arg);

/* One check of the probe that runs: its line, and a failure counted. */
void probe_check(const char *check, bool ok, uint64_t want, uint64_t got);

/* x86_64: calls made with the stack misaligned (RSP + 8 not a multiple of
   16 at the callee's entry), as their callees saw it: bench_bump and
   exception_taken note it. With a frame pointer, both clang and GCC push RBP
   first, so the frame address is the entry RSP less 8 and is 16-aligned
   exactly when the call was. (Elsewhere the frame record differs between
   compilers, GCC's Thumb code pushes r7 alone, so no such check is made.) */
extern unsigned long probe_misaligned_calls;
#if defined(__x86_64__)
#define PROBE_CALL_ALIGNMENT 16
#define PROBE_NOTE_CALL() \
    (probe_misaligned_calls += ((uintptr_t)__builtin_frame_address(0) % PROBE_CALL_ALIGNMENT) != 0)
#else
#define PROBE_NOTE_CALL() ((void)0)
#endif

/* kernel/<arch>/probe.c. Probe a vector raised from software; false, with
   why, when it cannot be. Weak, as the faults below: an arch without
   probe.c links them as null, and `probe` says it has none. */
__attribute__((weak)) bool arch_probe_vector(unsigned vector, const char **why);
/* Faults the probe raises on purpose: each handler must resume past the
   faulting instruction by writing the saved frame. */
struct probe_fault {
    const char *name;
    unsigned vector;
    const char *what;
    void (*run)(void);          /* raises it, then checks what the arch can */
};
/* An arch with no fault to raise defines neither (kernel/avr/probe.c). */
extern const struct probe_fault arch_probe_faults[] __attribute__((weak));
extern const unsigned arch_probe_fault_count __attribute__((weak));
/* Where a fault raised by a probe resumes, 0 when no probe runs: the fault
   handler writes it into the saved frame (kernel/<arch>/ exception code). */
extern volatile uintptr_t probe_fault_next;

#endif
