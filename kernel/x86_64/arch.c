/* The x86_64 side of kernel/arch.h. */
#include "arch.h"
#include "fpu.h"
#include "gdt.h"
#include "idt.h"
#include "isr.h"
#include "lapic.h"
#include "memlayout.h"
#include "pic8259.h"
#include "pit.h"
#include "uart16550.h"
#include "x86.h"

#define TIMER_HZ 100

const char arch_pc_name[] = "rip";

void arch_init(void)
{
    uart_init();
    gdt_init();
    fpu_init();
    idt_init();
    lapic_virtual_wire();
    pic_init(ISR_IRQ_BASE);
    pit_init(TIMER_HZ);
    pic_unmask(PIT_IRQ);
    uart_enable_rx_interrupt(ISR_IRQ_BASE + COM1_IRQ);
    pic_unmask(COM1_IRQ);
    sti();
}

const char *arch_name(void)
{
    return "x86_64";
}

void arch_irq_disable(void)
{
    cli();
}

void arch_irq_enable(void)
{
    sti();
}

unsigned long arch_irq_save(void)
{
    unsigned long flags = r_rflags();
    cli();
    return flags;
}

void arch_irq_restore(unsigned long saved)
{
    if (saved & RFLAGS_IF)
        sti();
}

void arch_wait_for_interrupt(void)
{
    sti_hlt_cli();
}

void arch_exit(int status)
{
    outl(DEBUG_EXIT_PORT, (uint32_t)status);
    for (;;) {                  /* without the exit device, stop here */
        cli();
        hlt();
    }
}

/* microvm has no reset register (no PCI for 0xcf9, no keyboard controller),
 * so reset the way every x86 can: a triple fault. With an empty IDT the #BP
 * cannot be delivered (#GP), nor can that #GP (#DF), and a #DF that cannot be
 * delivered shuts the CPU down, which QEMU turns into a machine reset. */
void arch_reset(void)
{
    static const struct table_register empty = {0, 0};
    cli();
    lidt(&empty);
    __asm__ volatile("int3");
    for (;;)
        hlt();
}

unsigned arch_timer_hz(void)
{
    return TIMER_HZ;
}

/* The PIT's channel 0 drives the master 8259's line 0 (the PC's wiring), which
   the PIC delivers at ISR_IRQ_BASE (kernel/x86_64/pit.c). */
unsigned arch_tick_vector(void)
{
    return ISR_IRQ_BASE + PIT_IRQ;
}
