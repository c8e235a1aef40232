/* The shell's wait for input: sleep on interrupts until the console has a byte.
 *
 * Each wake is the shell running again, which the storm guard must hear
 * (kernel/storm.h). This lives apart from console.c because the guard reports
 * through kprintf, which writes through console.c.
 */
#include <stdbool.h>

#include "arch.h"
#include "console.h"
#include "storm.h"

char console_getc(void)
{
    char c;
    arch_irq_disable();
    while (!console_take(&c)) {
        arch_wait_for_interrupt();   /* returns with interrupts masked again */
        storm_thread_ran();          /* got past the interrupts: no storm holds us */
    }
    arch_irq_enable();
    return c;
}
