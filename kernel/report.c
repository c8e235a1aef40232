#include <stdarg.h>

#include "arch.h"
#include "console.h"
#include "isr.h"
#include "printf.h"
#include "report.h"

volatile bool report_irqs;
static volatile int report_once = -1;

void report_irq_once(int vector)
{
    report_once = vector;
}

bool report_irq_wanted(unsigned vector)
{
    if (report_once == (int)vector) {
        report_once = -1;
        return true;
    }
    return report_irqs;
}

static const char *const outcome_names[] = {
    [RESUME] = "resume",
    [RECOVER] = "recover",
    [HALT] = "halt",
};

void report_begin(unsigned vector, bool has_error, uint64_t error, uint64_t pc)
{
    if (!console_at_line_start())
        console_putc('\n');        /* after a prompt or an echoed key: a line of its own */
    kprintf("[trap] vec=%u name=%s style=%s ", vector, arch_vector_name(vector), isr_vector_style(vector));
    if (has_error)
        kprintf("err=0x%llx", (unsigned long long)error);
    else
        kprintf("err=-");
    kprintf(" %s=0x%llx", arch_pc_name, (unsigned long long)pc);
}

void report_field(const char *key, const char *fmt, ...)
{
    va_list args;
    kprintf(" %s=", key);
    va_start(args, fmt);
    kvprintf(fmt, args);
    va_end(args);
}

void report_end(enum outcome outcome)
{
    kprintf(" then=%s\n", outcome_names[outcome]);
}
