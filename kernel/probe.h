/* Conformance probes (`probe`): each proves that a handler keeps the contract
 * of its style, one line per check (README, "Proving each style's contract"):
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

/* Calls made with the stack misaligned for the ABI, as their callees saw it
   (PROBE_NOTE_CALL in bench_bump and the x86_64 exception_taken). */
extern unsigned long probe_misaligned_calls;
#if defined(__x86_64__) || defined(__aarch64__) || defined(__riscv)
#define PROBE_STACK_ALIGN 16    /* SysV x86-64, AAPCS64, RISC-V psABI: at every call */
#else
#define PROBE_STACK_ALIGN 8     /* AAPCS: at every public interface */
#endif
/* In a function with a frame pointer: the frame address is the stack pointer
   at the call, less the return address and saved frame pointer where the
   arch pushes them, so it is aligned exactly when the caller's stack was. */
#define PROBE_NOTE_CALL() \
    (probe_misaligned_calls += ((uintptr_t)__builtin_frame_address(0) % PROBE_STACK_ALIGN) != 0)

/* kernel/<arch>/probe.c. Probe a vector raised from software; false, with
   why, when it cannot be. */
bool arch_probe_vector(unsigned vector, const char **why);
/* Faults the probe raises on purpose: each handler must resume past the
   faulting instruction by writing the saved frame. */
struct probe_fault {
    const char *name;
    unsigned vector;
    const char *what;
    void (*run)(void);          /* raises it, then checks what the arch can */
};
extern const struct probe_fault arch_probe_faults[];
extern const unsigned arch_probe_fault_count;
/* Where a fault raised by a probe resumes, 0 when no probe runs: the fault
   handler writes it into the saved frame (kernel/<arch>/ exception code). */
extern volatile uintptr_t probe_fault_next;

#endif
