/* The serial shell: one command per line, answers in a stable format (docs/reference/shell.md). */
#include <stdint.h>

#include "arch.h"
#include "bench.h"
#include "console.h"
#include "line_editor.h"
#include "probe.h"
#include "printf.h"
#include "recovery.h"
#include "report.h"
#include "shell.h"
#include "stats.h"
#include "string.h"
#include "ticks.h"

#define LINE_MAX 80

static bool parse_arg(const char *arg, uint64_t *value, const char *usage)
{
    if (arg && parse_u64(arg, value))
        return true;
    kprintf("error: usage: %s\n", usage);
    return false;
}

static void cmd_help(const char *arg)
{
    (void)arg;
    kprintf("commands:\n"
            "  help             this list\n"
            "  ticks            timer ticks since boot and the tick rate\n"
            "  sleep MS         sleep on the timer for MS milliseconds\n"
            "  trap NAME        raise a CPU exception on purpose (trap alone lists them)\n"
            "  int N            raise vector N from software: int, SGI, SVC or pending bit (decimal or 0x hex)\n"
            "  break NAME       damage the live table one way and raise it (break alone lists them)\n"
            "  vectors [all]    the live interrupt table (bound vectors, or all)\n"
            "  stats            interrupts taken per vector\n"
            "  irqtrace on|off  report every hardware interrupt too\n"
            "  bench N|empty    raise bench vector N in a measured window (reports/cost.py)\n"
            "  probe N|FAULT    prove a handler keeps its style's contract (probe alone lists faults)\n"
            "  exit N           stop the machine with status N (0-127)\n"
            "  reset            reset the machine\n");
}

/* The storm guard masked the tick's source (ticks_stopped): the clock stands
   still until the next boot. Said, with the vector, by the commands that
   count on it (a student meets it in labs/timer-riscv64). One format string:
   the AVR keeps them in its 8 KiB of RAM. */
static void print_clock_stopped(const char *command, const char *arg)
{
    unsigned vector = arch_tick_vector();
    kprintf("error: %s%s%s: the clock is stopped: the storm guard masked the tick's vector, vec=%u (%s); "
            "its handler must acknowledge its source (see the [storm] line), then reboot\n",
            command, arg ? " " : "", arg ? arg : "", vector, arch_vector_name(vector));
}

static void cmd_ticks(const char *arg)
{
    (void)arg;
    kprintf("ticks=%llu hz=%u\n", (unsigned long long)ticks_now(), arch_timer_hz());
    if (ticks_stopped())
        print_clock_stopped("ticks", 0);
}

static void cmd_sleep(const char *arg)
{
    uint64_t ms;
    if (!parse_arg(arg, &ms, "sleep MS"))
        return;
    if (ms > SLEEP_MS_MAX) {
        kprintf("error: sleep %llu: at most %llu ms\n", (unsigned long long)ms, SLEEP_MS_MAX);
        return;
    }
    uint64_t before = ticks_now();
    enum sleep_end end = sleep_ms(ms);
    if (end == SLEEP_CLOCK_STOPPED)
        print_clock_stopped("sleep", arg);
    else
        kprintf("%s ms=%llu ticks=%llu\n", end == SLEPT_WHOLE ? "slept" : "sleep interrupted by Ctrl-C:",
                (unsigned long long)ms, (unsigned long long)(ticks_now() - before));
}

/* A fault comes back here through the recovery point ("recovered"); a trap
   continues after it ("resumed"). Its own function, so that no local of the
   caller is live across the longjmp (GCC's -Wclobbered); t itself is read
   before recovery_arm, into a local that lives in memory (avr-gcc 14 warns
   that t, kept in a register across the two returns, might be clobbered). */
static const char *raise_and_recover(const struct trap_trigger *t)
{
    struct recovery r;
    void (*volatile raise)(void) = t->raise;
    if (recovery_arm(&r) != 0)
        return "recovered";
    raise();
    recovery_disarm();
    return "resumed";
}

/* `trap NAME` and `break NAME`. */
static void run_trigger(const char *command, const struct trap_trigger *list, unsigned count, const char *arg)
{
    const struct trap_trigger *t = 0;
    for (unsigned i = 0; i < count; i++) {
        if (!arg)
            kprintf("  %-16s %s\n", list[i].name, list[i].what);
        else if (strcmp(arg, list[i].name) == 0)
            t = &list[i];
    }
    if (!arg)
        return;
    if (!t) {
        kprintf("error: unknown %s '%s'; `%s` lists them\n", command, arg, command);
        return;
    }
    const char *outcome = raise_and_recover(t);
    if (t->restore)
        t->restore();
    kprintf("%s %s: %s\n", command, arg, outcome);
}

static void cmd_trap(const char *arg)
{
    run_trigger("trap", arch_traps, arch_trap_count, arg);
}

/* `break NAME`: damage the live interrupt table one way, raise the vector,
   and restore the table once the report is out. The experiment starts with
   interrupts masked and unmasks them itself where it needs one; the recovery
   point masks them again, so no interrupt meets the broken table after the
   experiment, before restore() has repaired it. */
static void cmd_break(const char *arg)
{
    if (arch_break_count == 0) {
        kprintf("error: no broken-table experiments on %s yet (kernel/%s/breaks.c)\n", arch_name(), arch_name());
        return;
    }
    arch_irq_disable();
    run_trigger("break", arch_breaks, arch_break_count, arg);
    arch_irq_enable();
}

/* `int N`: the arch raises vector N (kernel/<arch>/: its arch_cmd_int) and
   the handler reports. A bench handler (bench.h) does not: it only adds to
   bench_counter, so that `bench N` measures nothing else. Say so, with the
   count, rather than leave the line out that docs/reference/shell.md promises. */
static void cmd_int(const char *arg)
{
    unsigned long before = bench_counter;
    arch_cmd_int(arg);
    if (bench_counter != before)
        kprintf("int %s: bench vector, taken=%lu (bench handlers only count: no report line)\n",
                arg, bench_counter - before);
}

static void cmd_stats(const char *arg)
{
    (void)arg;
    stats_print();
}

static void cmd_irqtrace(const char *arg)
{
    if (arg && strcmp(arg, "on") == 0)
        report_irqs = true;
    else if (arg && strcmp(arg, "off") == 0)
        report_irqs = false;
    else {
        kprintf("error: usage: irqtrace on|off\n");
        return;
    }
    kprintf("irqtrace=%s\n", report_irqs ? "on" : "off");
}

static void cmd_exit(const char *arg)
{
    uint64_t status;
    if (!parse_arg(arg, &status, "exit N") )
        return;
    if (status > 127) {
        kprintf("error: exit status %llu out of range 0-127\n", (unsigned long long)status);
        return;
    }
    kprintf("exit status=%llu\n", (unsigned long long)status);
    arch_exit((int)status);
}

static void cmd_reset(const char *arg)
{
    (void)arg;
    kprintf("resetting\n");
    arch_reset();
}

static const struct command {
    const char *name;
    void (*run)(const char *arg);
} commands[] = {
    {"help", cmd_help},
    {"ticks", cmd_ticks},
    {"sleep", cmd_sleep},
    {"trap", cmd_trap},
    {"break", cmd_break},
    {"int", cmd_int},
    {"vectors", arch_cmd_vectors},
    {"stats", cmd_stats},
    {"irqtrace", cmd_irqtrace},
    {"exit", cmd_exit},
    {"bench", cmd_bench},
    {"probe", cmd_probe},
    {"reset", cmd_reset},
};

/* Blanks around the line are not part of the command. */
static char *trim(char *line)
{
    while (*line == ' ')
        line++;
    size_t len = strlen(line);
    while (len > 0 && line[len - 1] == ' ')
        line[--len] = '\0';
    return line;
}

/* Input lost before the shell could read it is reported, never silent. */
static void report_overrun(void)
{
    unsigned vector;
    uint32_t dropped = console_take_overrun(&vector);
    if (dropped)
        kprintf("error: input overrun: %u bytes dropped by vector %u (%s): receive buffer full\n",
                (unsigned)dropped, vector, arch_vector_name(vector));
}

/* Split "name arg" in place; arg is NULL when absent. */
static const char *split(char *line)
{
    char *p = line;
    while (*p && *p != ' ')
        p++;
    if (!*p)
        return 0;
    *p++ = '\0';
    while (*p == ' ')
        p++;
    return *p ? p : 0;
}

void shell_run(void)
{
    char buffer[LINE_MAX];
    for (;;) {
        report_overrun();
        arch_irq_disable();     /* a Ctrl-C typed during the last command discards what was typed ahead */
        console_take_break();
        arch_irq_enable();
        kprintf("%s> ", arch_name());
        read_line(buffer, sizeof(buffer));
        char *line = trim(buffer);
        if (!*line)
            continue;
        const char *arg = split(line);
        const struct command *found = 0;
        for (unsigned i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
            if (strcmp(line, commands[i].name) == 0)
                found = &commands[i];
        if (found)
            found->run(arg);
        else
            kprintf("error: unknown command '%s'; try help\n", line);
    }
}
