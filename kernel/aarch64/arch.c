/* The aarch64 side of kernel/arch.h. */
#include "aarch64.h"
#include "arch.h"
#include "gic.h"
#include "isr.h"
#include "arm/pl011.h"
#include "memlayout.h"
#include "timer.h"

#define TIMER_HZ 100
/* Semihosting (ARM IHI 0098, "SYS_EXIT"): on AArch64, x1 points at a two-word
   block {reason, status}; QEMU (-semihosting) then exits with status. */
#define SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

const char arch_pc_name[] = "elr";

void arch_init(void)
{
    uart_init();
    w_vbar((uint64_t)__isr_table_start);   /* VBAR_EL1[10:0] are RES0: keep.ld asserts 2 KiB */
    gic_init();
    timer_init(TIMER_HZ);
    uart_enable_rx_interrupt(ISR_IRQ_BASE + INTID_UART0);
    irq_enable();
}

const char *arch_name(void)
{
    return "aarch64";
}

void arch_uart_putc(char c)
{
    uart_putc(c);
}

void arch_irq_disable(void)
{
    irq_disable();
}

void arch_irq_enable(void)
{
    irq_enable();
}

unsigned long arch_irq_save(void)
{
    unsigned long daif = r_daif();
    irq_disable();
    return daif;
}

void arch_irq_restore(unsigned long saved)
{
    w_daif(saved);
}

/* WFI wakes on a pending IRQ even while PSTATE.I masks it (Arm ARM D1.16.2),
   so nothing that arrives after the caller's check is slept through; the
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
    volatile uint64_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint64_t)status};
    register uint64_t x0 __asm__("x0") = SYS_EXIT;
    register volatile uint64_t *x1 __asm__("x1") = block;
    __asm__ volatile("hlt #0xf000" : : "r"(x0), "r"(x1) : "memory");
    for (;;) {                  /* without -semihosting, stop here */
        irq_disable();
        wfi();
    }
}

/* PSCI SYSTEM_RESET (DEN0022, function 0x84000009). QEMU's virt implements
 * PSCI itself when no firmware runs; the call is HVC when the machine has no
 * EL2 or EL3 (the default here), SMC under virtualization=on. */
#define PSCI_SYSTEM_RESET 0x84000009ul

void arch_reset(void)
{
    register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_RESET;
    __asm__ volatile("hvc #0" : "+r"(x0) : : "memory");
    for (;;) {
        irq_disable();
        wfi();
    }
}

unsigned arch_timer_hz(void)
{
    return TIMER_HZ;
}

/* The EL1 physical timer's PPI is INTID 30 on virt (kernel/aarch64/timer.c),
   and gic_dispatch gives INTID n the vector ISR_IRQ_BASE + n. */
unsigned arch_tick_vector(void)
{
    return ISR_IRQ_BASE + INTID_TIMER_EL1_PHYS;
}
