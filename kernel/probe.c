/* `probe N` and `probe FAULT` (kernel/probe.h). A fault probe runs under a
 * recovery point: a handler that did not move the saved PC past the fault
 * would take it again, and the second time it goes back to the shell. */
#include <stdint.h>

#include "arch.h"
#include "bench.h"
#include "printf.h"
#include "probe.h"
#include "recovery.h"
#include "string.h"

#if defined(__clang__)
#define COMPILER "clang"
#else
#define COMPILER "gcc"
#endif

unsigned long probe_misaligned_calls;
volatile uintptr_t probe_fault_next;

static unsigned vector_now, checks, failed;
static const char *fault_now;

void probe_check(const char *check, bool ok, uint64_t want, uint64_t got)
{
    checks++;
    kprintf("probe vec=%u%s%s compiler=%s check=%s ", vector_now, fault_now ? " fault=" : "",
            fault_now ? fault_now : "", COMPILER, check);
    if (ok) {
        kprintf("ok\n");
        return;
    }
    failed++;
    kprintf("FAIL want=0x%llx got=0x%llx\n", (unsigned long long)want, (unsigned long long)got);
}

/* An arch whose CPU has no fault to raise (avr, msp430) defines no list. */
static unsigned fault_count(void)
{
    return arch_probe_faults && &arch_probe_fault_count ? arch_probe_fault_count : 0;
}

static void usage(void)
{
    kprintf("error: usage: probe N (a bench vector) or probe FAULT (%s); ",
            fault_count() ? "one of those below" : "this arch has none");
    bench_vectors_print();
    for (unsigned i = 0; i < fault_count(); i++)
        kprintf("  %-6s vector %u: %s\n", arch_probe_faults[i].name, arch_probe_faults[i].vector,
                arch_probe_faults[i].what);
}

static void run_fault(const struct probe_fault *f)
{
    struct recovery r;
    /* Nothing stays in a register across recovery_arm's two returns: after
       the second, a register holds what recovery_arm saved, and GCC cannot
       prove that is still the variable's value (avr-gcc 14 says so for f,
       -Wclobbered). f is read before, into a local that lives in memory. */
    void (*volatile run)(void) = f->run;
    volatile bool resumed = false;
    if (recovery_arm(&r) == 0) {
        run();
        recovery_disarm();
        resumed = true;
    }
    probe_fault_next = 0;
    probe_check("frame-write", resumed, 1, resumed);
}

void cmd_probe(const char *arg)
{
    uint64_t vector;
    if (!arch_probe_vector) {
        kprintf("error: probe: %s has no probes yet (kernel/%s/probe.c)\n", arch_name(), arch_name());
        return;
    }
    const struct probe_fault *fault = 0;
    for (unsigned i = 0; arg && i < fault_count(); i++)
        if (strcmp(arg, arch_probe_faults[i].name) == 0)
            fault = &arch_probe_faults[i];
    if (!fault && (!arg || !parse_u64(arg, &vector) || vector >= arch_vector_count())) {
        usage();
        return;
    }
    if (!fault && !bench_vector_or_say("probe", (unsigned long)vector))
        return;
    vector_now = fault ? fault->vector : (unsigned)vector;
    fault_now = fault ? fault->name : 0;
    checks = failed = 0;
    unsigned long misaligned = probe_misaligned_calls;
    const char *why = "";
    if (fault) {
        run_fault(fault);
    } else if (!arch_probe_vector(vector_now, &why)) {
        kprintf("error: probe %u: %s\n", vector_now, why);
        return;
    }
#ifdef PROBE_CALL_ALIGNMENT
    probe_check("call-alignment", probe_misaligned_calls == misaligned, 0, probe_misaligned_calls - misaligned);
#else
    (void)misaligned;
#endif
    kprintf("probe vec=%u%s%s: checks=%u failed=%u\n", vector_now, fault ? " fault=" : "",
            fault ? fault->name : "", checks, failed);
}
