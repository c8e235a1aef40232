/* A QEMU TCG plugin that counts, exactly, the instructions executed and the
 * stores made between a begin PC and an end PC: one measured window per
 * interrupt (reports/cost.py).
 *
 *   qemu-system-... -plugin window.so,w0=BEGIN:END,w1=BEGIN:END -d plugin -D log
 *
 * Each time the vCPU executes BEGIN, a window opens; the first END executed
 * after it closes the window, and one line goes to the log:
 *   window w0 insns=N stores=M
 * N counts BEGIN and every instruction up to END, END left out; M counts the
 * stores those instructions make (the words a CPU pushes by itself on entry,
 * x86 RIP/CS/RFLAGS/RSP/SS or the Cortex-M exception frame, are made by QEMU's
 * helpers, not by an instruction, and are not in M). The first line says
 * which plugin API this build declares and which the QEMU that loaded it
 * accepts; at exit: "windows done", or "window wK open" for a window that
 * never closed.
 *
 * One source for every QEMU since 7.2. QEMU loads a plugin only if the
 * version it declares (qemu_plugin_version) lies between QEMU's minimum and
 * current API versions: 7.2 accepts 0-1; 9.0 raised the minimum to 2 when it
 * removed qemu_plugin_n_vcpus, and 10.0 accepts 2-4 (measured: Debian 13's
 * 10.0.13 refuses 1 and 5). Build with -DWINDOW_PLUGIN_API=N: reports/cost.py
 * chooses N from the installed QEMU's version (1 before 9.0, 2 from 9.0).
 * Every function used here has the same signature in API 1 and API 2-4
 * (include/qemu/qemu-plugin.h at v7.2 and v10.0); the removed ones
 * (qemu_plugin_n_vcpus, the un-suffixed inline counters) are not used.
 * Debian ships no qemu-plugin.h, so the declarations are written out here.
 * Stores are counted by a memory callback: in 7.2 the inline memory counter,
 * even registered for stores only, counts loads too. One vCPU: every machine
 * here has one. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef WINDOW_PLUGIN_API
#error "build with -DWINDOW_PLUGIN_API=1 (QEMU before 9.0) or 2 (QEMU 9.0 and later): reports/cost.py build_plugin"
#endif

#include "qemu_plugin_api.h"

__attribute__((visibility("default"))) int qemu_plugin_version = WINDOW_PLUGIN_API;

#define MAX_WINDOWS 32

struct window {
    char name[16];
    uint64_t begin, end;
};

static struct window windows[MAX_WINDOWS];
static unsigned window_count;
static struct window *open_window;   /* the window being measured, or NULL */
static uint64_t insns, stores;

static void say(const char *format, uint64_t a, uint64_t b, const char *name)
{
    char line[128];
    snprintf(line, sizeof(line), format, name, a, b);
    qemu_plugin_outs(line);
}

/* Runs before each instruction: close the window at END (END not counted),
   open one at BEGIN, count while open. */
static void on_insn(unsigned int vcpu, void *udata)
{
    uint64_t pc = (uintptr_t)udata;
    (void)vcpu;
    if (open_window && pc == open_window->end) {
        say("window %s insns=%" PRIu64 " stores=%" PRIu64 "\n", insns, stores, open_window->name);
        open_window = NULL;
    }
    if (!open_window) {
        for (unsigned i = 0; i < window_count; i++) {
            if (windows[i].begin == pc) {
                open_window = &windows[i];
                insns = stores = 0;
                break;
            }
        }
    }
    if (open_window)
        insns++;
}

/* Runs after each memory access of an instrumented instruction. */
static void on_mem(unsigned int vcpu, qemu_plugin_meminfo_t info, uint64_t vaddr, void *udata)
{
    (void)vcpu, (void)vaddr, (void)udata;
    if (open_window && qemu_plugin_mem_is_store(info))
        stores++;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t n = qemu_plugin_tb_n_insns(tb);
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint64_t pc = qemu_plugin_insn_vaddr(insn);
        qemu_plugin_register_vcpu_insn_exec_cb(insn, on_insn, QEMU_PLUGIN_CB_NO_REGS, (void *)(uintptr_t)pc);
        qemu_plugin_register_vcpu_mem_cb(insn, on_mem, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_MEM_W, NULL);
    }
}

static void at_exit_report(qemu_plugin_id_t id, void *udata)
{
    (void)id, (void)udata;
    if (open_window)
        say("window %s open: END 0x%" PRIx64 " never reached after BEGIN 0x%" PRIx64 "\n",
            open_window->end, open_window->begin, open_window->name);
    else
        qemu_plugin_outs("windows done\n");
}

/* One argument per window: NAME=BEGIN:END, addresses in hex. */
static bool parse(const char *arg, struct window *w)
{
    const char *eq = strchr(arg, '=');
    if (!eq || (size_t)(eq - arg) >= sizeof(w->name))
        return false;
    memcpy(w->name, arg, (size_t)(eq - arg));
    w->name[eq - arg] = '\0';
    char *colon, *tail;
    w->begin = strtoull(eq + 1, &colon, 16);
    if (*colon != ':')
        return false;
    w->end = strtoull(colon + 1, &tail, 16);
    return *tail == '\0' && w->begin != 0 && w->end != 0 && w->begin != w->end;
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    char line[128];
    snprintf(line, sizeof(line), "window plugin: API %d declared; this QEMU accepts %d-%d\n",
             qemu_plugin_version, info->version.min, info->version.cur);
    qemu_plugin_outs(line);
    if (argc == 0) {
        fprintf(stderr, "window plugin: no window given; pass NAME=BEGIN:END (hex PCs)\n");
        return -1;
    }
    for (int i = 0; i < argc; i++) {
        if (window_count == MAX_WINDOWS || !parse(argv[i], &windows[window_count])) {
            fprintf(stderr, "window plugin: bad argument '%s': want NAME=BEGIN:END, hex PCs, "
                    "at most %d windows\n", argv[i], MAX_WINDOWS);
            return -1;
        }
        window_count++;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, at_exit_report, NULL);
    return 0;
}
