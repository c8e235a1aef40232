/* A QEMU TCG plugin that logs, with the number of instructions executed so
 * far, each time the vCPU reaches one of a few marked PCs: the interrupt
 * entries and returns of the kernel, and where a shell command starts and
 * ends (reports/pictures/trace.py chooses them from the ELF and the manifest).
 *
 *   qemu-system-... -plugin trace.so,b=PC,e=PC,m=PC,... -d plugin -D log
 *
 * b=PC: a command starts here (the shell's cmd_* functions): logging turns
 * on; e=PC: the shell waits for a line here (read_line): logging turns off;
 * m=PC: a mark, logged while logging is on. Each logged line is
 *   b|e|m PC N
 * with PC in hex and N the instructions executed before that one, counted
 * from QEMU's start: under -icount shift=0 that is the guest time in ns, and
 * the same commands give the same N. Between commands the guest waits for
 * input: nothing is logged there, so the log stays small whatever the host
 * does. One source for every QEMU since 7.2 (see window.c and
 * qemu_plugin_api.h); reports/cost.py build_plugin builds both, with
 * -DWINDOW_PLUGIN_API=N, the API version the installed QEMU takes. One vCPU. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef WINDOW_PLUGIN_API
#error "build with -DWINDOW_PLUGIN_API=1 (QEMU before 9.0) or 2 (QEMU 9.0 and later): reports/cost.py build_plugin"
#endif

#include "qemu_plugin_api.h"

__attribute__((visibility("default"))) int qemu_plugin_version = WINDOW_PLUGIN_API;

#define MAX_MARKS 1024

struct mark {
    uint64_t pc;
    char kind;          /* 'b', 'e' or 'm' */
};

static struct mark marks[MAX_MARKS];
static unsigned mark_count;
static uint64_t executed;       /* instructions executed before the current one */
static bool logging;

/* Runs before every instruction: count it. */
static void on_insn(unsigned int vcpu, void *udata)
{
    (void)vcpu, (void)udata;
    executed++;
}

/* Runs before a marked instruction, ahead of on_insn: log it (executed is
   the count before it). */
static void on_mark(unsigned int vcpu, void *udata)
{
    const struct mark *m = udata;
    char line[64];
    (void)vcpu;
    if (m->kind == 'b')
        logging = true;
    if (logging) {
        snprintf(line, sizeof(line), "%c %" PRIx64 " %" PRIu64 "\n", m->kind, m->pc, executed);
        qemu_plugin_outs(line);
    }
    if (m->kind == 'e')
        logging = false;
}

static const struct mark *find(uint64_t pc)
{
    for (unsigned i = 0; i < mark_count; i++)
        if (marks[i].pc == pc)
            return &marks[i];
    return NULL;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t n = qemu_plugin_tb_n_insns(tb);
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        const struct mark *m = find(qemu_plugin_insn_vaddr(insn));
        if (m)
            qemu_plugin_register_vcpu_insn_exec_cb(insn, on_mark, QEMU_PLUGIN_CB_NO_REGS, (void *)m);
        qemu_plugin_register_vcpu_insn_exec_cb(insn, on_insn, QEMU_PLUGIN_CB_NO_REGS, NULL);
    }
}

static void at_exit_report(qemu_plugin_id_t id, void *udata)
{
    char line[64];
    (void)id, (void)udata;
    snprintf(line, sizeof(line), "trace done %" PRIu64 "\n", executed);
    qemu_plugin_outs(line);
}

/* One argument per mark: b=PC, e=PC or m=PC, PC in hex. */
static bool parse(const char *arg, struct mark *m)
{
    char *tail;
    if (strlen(arg) < 3 || arg[1] != '=' || !strchr("bem", arg[0]))
        return false;
    m->kind = arg[0];
    m->pc = strtoull(arg + 2, &tail, 16);
    return *tail == '\0' && m->pc != 0;
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    char line[128];
    snprintf(line, sizeof(line), "trace plugin: API %d declared; this QEMU accepts %d-%d\n",
             qemu_plugin_version, info->version.min, info->version.cur);
    qemu_plugin_outs(line);
    for (int i = 0; i < argc; i++) {
        if (mark_count == MAX_MARKS || !parse(argv[i], &marks[mark_count])) {
            fprintf(stderr, "trace plugin: bad argument '%s': want b=PC, e=PC or m=PC (hex), "
                    "at most %d marks\n", argv[i], MAX_MARKS);
            return -1;
        }
        mark_count++;
    }
    if (mark_count == 0) {
        fprintf(stderr, "trace plugin: no mark given; pass b=PC, e=PC and m=PC (hex)\n");
        return -1;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, at_exit_report, NULL);
    return 0;
}
