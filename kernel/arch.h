/* What every arch provides to the shared kernel (kernel/x86_64/arch.c, ...). */
#ifndef ARCH_H
#define ARCH_H

#include <stdint.h>

#define ARCH_EXIT_PANIC 70          /* guest status on panic (sysexits EX_SOFTWARE) */

/* The arch's name for the saved program counter, for report lines. */
extern const char arch_pc_name[];

void arch_init(void);               /* tables, controllers, timer, UART input; IRQs on */
const char *arch_name(void);
void arch_uart_putc(char c);        /* polled: waits for the transmitter */
void arch_irq_disable(void);
void arch_irq_enable(void);
/* Mask every interrupt the kernel takes and return the masks as they were;
   arch_irq_restore(saved) puts them back. Usable with interrupts on or off
   (in a handler), so that the console can write a whole line at a time. */
unsigned long arch_irq_save(void);
void arch_irq_restore(unsigned long saved);
/* Called with interrupts masked: unmask and sleep atomically, so an interrupt
   that is already pending wakes it; returns with interrupts masked again. */
void arch_wait_for_interrupt(void);
__attribute__((noreturn)) void arch_exit(int status);
/* Reset the machine as its own reset path does; QEMU runs with -no-reboot, so
   it stops instead of booting again, and the harness reads that as a reset. */
__attribute__((noreturn)) void arch_reset(void);
unsigned arch_timer_hz(void);
/* The vector whose interrupt advances ticks (kernel/<arch>/arch.c): a fact
   of the hardware, whatever handler, style or language the spec binds to it. */
unsigned arch_tick_vector(void);
/* kernel/vector_names.c, from the generated gen/isr_info.c. */
unsigned arch_vector_count(void);
const char *arch_vector_name(unsigned vector);

/* The exceptions that `trap NAME` raises on purpose (kernel/<arch>/traps.c);
   the shell runs each under a recovery point. */
struct trap_trigger {
    const char *name;
    const char *what;
    void (*raise)(void);
    void (*restore)(void);      /* optional: undo what raise changed, once it has come back */
};
extern const struct trap_trigger arch_traps[];
extern const unsigned arch_trap_count;
/* The broken-table experiments behind `break NAME` (kernel/<arch>/breaks.c):
   raise damages the live table and raises the vector, restore repairs it. */
extern const struct trap_trigger arch_breaks[];
extern const unsigned arch_break_count;

/* Shell commands whose meaning is arch specific. */
void arch_cmd_int(const char *arg);
void arch_cmd_vectors(const char *arg);

#endif
