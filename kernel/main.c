/* Shared entry: boot/<arch>/ calls kmain on a valid stack with BSS cleared. */
#include "arch.h"
#include "printf.h"
#include "shell.h"

__attribute__((noreturn)) void kmain(void)
{
    arch_init();
    kprintf("boot: %s kernel up, %u vectors, timer %u Hz; type help\n",
            arch_name(), arch_vector_count(), arch_timer_hz());
    shell_run();
}
