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
/* Called with interrupts masked: unmask and sleep atomically, so an interrupt
   that is already pending wakes it; returns with interrupts masked again. */
void arch_wait_for_interrupt(void);
__attribute__((noreturn)) void arch_exit(int status);
unsigned arch_timer_hz(void);
unsigned arch_vector_count(void);             /* kernel/vectors.c, from gen/isr.h */
const char *arch_vector_name(unsigned vector);

/* Shell commands whose meaning is arch specific. */
void arch_cmd_int(const char *arg);
void arch_cmd_vectors(const char *arg);

/* `trap NAME` (kernel/shell.c): the exceptions the arch raises on purpose.
   Each raise() runs under a recovery point: a fault comes back to the prompt,
   a trap continues after itself. */
struct trap_trigger {
    const char *name;
    const char *what;
    void (*raise)(void);
};
extern const struct trap_trigger arch_traps[];
extern const unsigned arch_trap_count;

#endif
