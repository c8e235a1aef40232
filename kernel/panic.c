#include <stdarg.h>

#include "arch.h"
#include "panic.h"
#include "printf.h"

void panic(const char *fmt, ...)
{
    va_list args;
    arch_irq_disable();
    kprintf("PANIC: ");
    va_start(args, fmt);
    kvprintf(fmt, args);
    va_end(args);
    kprintf("\n");
    /* The host believes a status only when the guest also says it (qemu/ending.py). */
    kprintf("exit status=%d\n", ARCH_EXIT_PANIC);
    arch_exit(ARCH_EXIT_PANIC);
}
