/* The Cortex-M side of kernel/arch.h (QEMU mps2-an385, Cortex-M3). */
#include "arch.h"
#include "cm3.h"
#include "isr.h"
#include "memlayout.h"
#include "nvic.h"
#include "scb.h"
#include "semihosting.h"
#include "systick.h"
#include "uart_cmsdk.h"

#define TIMER_HZ 100

const char arch_pc_name[] = "pc";

void arch_init(void)
{
    uart_init();
    mmio_write(SCB_VTOR, (uint32_t)(uintptr_t)__isr_table_start);   /* 0 already at reset: say so */
    mmio_write(SCB_CCR, mmio_read(SCB_CCR) | CCR_DIV_0_TRP | CCR_UNALIGN_TRP);
    /* Without these, MemManage, BusFault and UsageFault escalate to HardFault. */
    mmio_write(SCB_SHCSR, mmio_read(SCB_SHCSR) | SHCSR_MEMFAULTENA | SHCSR_BUSFAULTENA | SHCSR_USGFAULTENA);
    nvic_init();
    systick_init(TIMER_HZ);
    cpsie_i();
}

const char *arch_name(void)
{
    return "cortex-m";
}

void arch_uart_putc(char c)
{
    uart_putc(c);
}

void arch_irq_disable(void)
{
    cpsid_i();
}

void arch_irq_enable(void)
{
    cpsie_i();
}

unsigned long arch_irq_save(void)
{
    unsigned long primask = r_primask();
    cpsid_i();
    return primask;
}

void arch_irq_restore(unsigned long saved)
{
    if (!(saved & 1))           /* PRIMASK bit 0 clear: exceptions were let in */
        cpsie_i();
}

void arch_wait_for_interrupt(void)
{
    wfi_then_take();
}

void arch_exit(int status)
{
    semihosting_exit(status);
}

void arch_reset(void)
{
    mmio_write(SCB_AIRCR, AIRCR_VECTKEY | AIRCR_SYSRESETREQ);
    for (;;)                            /* the reset is not instant: wait for it */
        __asm__ volatile("cpsid i\n\twfi");
}

unsigned arch_timer_hz(void)
{
    return TIMER_HZ;
}

/* SysTick is exception 15, the core's own timer (kernel/cortex-m/systick.c). */
unsigned arch_tick_vector(void)
{
    return EXC_SYSTICK;
}
