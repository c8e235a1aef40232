/* The arm32 side of kernel/arch.h. */
#include "arch.h"
#include "arm32.h"
#include "gic.h"
#include "isr.h"
#include "arm/pl011.h"
#include "memlayout.h"
#include "timer.h"

#define TIMER_HZ 100
/* Semihosting (ARM IHI 0098): in ARM state the call is SVC 0x123456 with the
   operation in r0 and its argument in r1. Plain SYS_EXIT carries only a
   reason on AArch32 (QEMU: exit 0 or 1); SYS_EXIT_EXTENDED takes the address
   of {reason, status} and QEMU exits with status. */
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
/* The guest's status N leaves QEMU as 128 + N: QEMU's own exit codes (0 when
   it quits, 1 on an error) are never mistaken for a guest's (qemu/profiles.py). */
#define EXIT_STATUS_BASE 128

const char arch_pc_name[] = "pc";

void arch_init(void)
{
    uart_init();
    w_vbar((uint32_t)__isr_table_start);   /* VBAR[4:0] are RES0: keep.ld asserts 32 bytes */
    gic_init();
    timer_init(TIMER_HZ);
    uart_enable_rx_interrupt(ISR_IRQ_BASE + INTID_UART0);
    __asm__ volatile("cpsie if" ::: "memory");
}

const char *arch_name(void)
{
    return "arm32";
}

void arch_uart_putc(char c)
{
    uart_putc(c);
}

/* Only IRQs: the FIQ sources (the one-shot virtual timer, group 0 SGIs) come
   only when a command asks for them, and must be able to preempt IRQs. */
void arch_irq_disable(void)
{
    irq_disable();
}

void arch_irq_enable(void)
{
    irq_enable();
}

/* FIQs too: a FIQ handler reports like any other (the virtual timer, group 0
   SGIs), and a line is whole only if neither can land inside it. */
unsigned long arch_irq_save(void)
{
    unsigned long cpsr = r_cpsr();
    irqfiq_disable();
    return cpsr;
}

void arch_irq_restore(unsigned long saved)
{
    if (!(saved & PSR_I))
        irq_enable();
    if (!(saved & PSR_F))
        fiq_enable();
}

/* WFI wakes on a pending IRQ even while CPSR.I masks it (B1.8.13), so
   nothing that arrives after the caller's check is slept through; the
   interrupt is then taken in the short unmasked window. */
void arch_wait_for_interrupt(void)
{
    wfi();
    irq_enable();
    __asm__ volatile("isb" ::: "memory");
    irq_disable();
}

void arch_exit(int status)
{
    static volatile uint32_t block[2];
    block[0] = ADP_STOPPED_APPLICATION_EXIT;
    block[1] = EXIT_STATUS_BASE + (uint32_t)status;
    register uint32_t r0 __asm__("r0") = SYS_EXIT_EXTENDED;
    register volatile uint32_t *r1 __asm__("r1") = block;
    __asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
    for (;;) {                  /* without -semihosting, stop here */
        __asm__ volatile("cpsid if" ::: "memory");
        wfi();
    }
}

/* PSCI SYSTEM_RESET (DEN0022, function 0x84000009), served by QEMU's virt
 * itself when no firmware runs; with no EL2 or EL3 (secure=off) the call is HVC. */
#define PSCI_SYSTEM_RESET 0x84000009u

void arch_reset(void)
{
    register uint32_t r0 __asm__("r0") = PSCI_SYSTEM_RESET;
    __asm__ volatile(".arch_extension virt\n\thvc #0" : "+r"(r0) : : "memory");
    for (;;) {
        __asm__ volatile("cpsid if" ::: "memory");
        wfi();
    }
}

unsigned arch_timer_hz(void)
{
    return TIMER_HZ;
}

/* The PL1 physical timer's PPI is INTID 30 on virt (kernel/arm32/timer.c), and
   gic_irq gives INTID n the vector ISR_IRQ_BASE + n. */
unsigned arch_tick_vector(void)
{
    return ISR_IRQ_BASE + INTID_TIMER_PHYS;
}
