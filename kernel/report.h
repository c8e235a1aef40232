/* The report line: one per interrupt taken, in a fixed format that tests match.
 *
 *   [trap] vec=14 name=#PF style=stub err=0x2 rip=0x1012a3 cr2=0x0 pf=... then=recover
 *
 * The saved program counter is named as the arch names it (arch_pc_name):
 * rip on x86_64.
 *
 * report_begin() prints up to rip; arch code adds key=value fields with
 * report_field(); report_end() prints the outcome. The name and the style
 * are the vector's own, from the generated gen/isr_info.c: the style is the
 * one the spec gives the vector, so a spec edit of a style needs no kernel
 * edit, and the line cannot disagree with gen/manifest.json.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stdbool.h>
#include <stdint.h>

enum outcome {
    RESUME,     /* returns to the interrupted code */
    RECOVER,    /* the shell armed a recovery point: back to the prompt */
    HALT,       /* nothing can continue: panic */
};

/* Hardware IRQs report only when this is on (`irqtrace on`): a timer at 100 Hz
   would otherwise bury the console. */
extern volatile bool report_irqs;

/* `int N` on a hardware IRQ's vector: that vector's next interrupt reports
   even with irqtrace off, so `int N` always answers with a report line.
   report_irq_once(-1) withdraws the request; report_irq_wanted() is what an
   IRQ handler asks (and it takes the request). */
void report_irq_once(int vector);
bool report_irq_wanted(unsigned vector);

void report_begin(unsigned vector, bool has_error, uint64_t error, uint64_t pc);
void report_field(const char *key, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void report_end(enum outcome outcome);

#endif
