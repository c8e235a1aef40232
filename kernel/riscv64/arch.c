/* The riscv64 side of kernel/arch.h. */
#include "arch.h"
#include "clint.h"
#include "isr.h"
#include "memlayout.h"
#include "mmio.h"
#include "plic.h"
#include "riscv.h"
#include "trap_table.h"
#include "uart.h"
#include "user.h"

#define TIMER_HZ 100

const char arch_pc_name[] = "mepc";

void arch_init(void)
{
    uart_init();
    trap_table_init();
    user_pmp_init();
    clint_timer_start(TIMER_HZ);
    plic_enable(UART0_IRQ);
    uart_enable_rx_interrupt(ISR_IRQ_BASE + IRQ_M_EXT);     /* the PLIC's, which carries the UART */
    /* The six standard interrupts; the S-level ones are pending only when this
       kernel sets them in mip itself (`int N`), nothing delegates them. */
    w_mie((1u << IRQ_S_SOFT) | (1u << IRQ_M_SOFT) | (1u << IRQ_S_TIMER) | (1u << IRQ_M_TIMER) |
          (1u << IRQ_S_EXT) | (1u << IRQ_M_EXT));
    intr_on();
}

const char *arch_name(void)
{
    return "riscv64";
}

void arch_irq_disable(void)
{
    intr_off();
}

void arch_irq_enable(void)
{
    intr_on();
}

unsigned long arch_irq_save(void)
{
    unsigned long mstatus = r_mstatus();
    intr_off();
    return mstatus;
}

void arch_irq_restore(unsigned long saved)
{
    if (saved & MSTATUS_MIE)
        intr_on();
}

void arch_wait_for_interrupt(void)
{
    wfi_then_take();
}

void arch_exit(int status)
{
    mmio_write32(TEST_FINISHER, status == 0 ? FINISHER_PASS : ((uint32_t)status << 16) | FINISHER_FAIL);
    for (;;) {                  /* without the finisher, stop here */
        intr_off();
        __asm__ volatile("wfi");
    }
}

void arch_reset(void)
{
    mmio_write32(TEST_FINISHER, FINISHER_RESET);
    for (;;) {
        intr_off();
        __asm__ volatile("wfi");
    }
}

unsigned arch_timer_hz(void)
{
    return TIMER_HZ;
}

/* The CLINT's timer raises MTIP, interrupt cause 7 (kernel/riscv64/clint.c). */
unsigned arch_tick_vector(void)
{
    return ISR_IRQ_BASE + IRQ_M_TIMER;
}
