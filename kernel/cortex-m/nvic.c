/* NVIC and the System Control Block: priorities, enables, software pending.
 *
 * Priorities are bytes: SHPR holds exceptions 4-15 (byte N-4), NVIC_IPR the
 * external IRQs (byte n). Reset, NMI and HardFault have fixed priorities
 * -3, -2, -1 (ARMv7-M ARM B1.5.4).
 */
#include "cm3.h"
#include "isr.h"
#include "isr.h"
#include "memlayout.h"
#include "nvic.h"
#include "string.h"

#define ICSR_NMIPENDSET (1u << 31)
#define ICSR_PENDSVSET (1u << 28)
#define ICSR_PENDSTSET (1u << 26)

static void set_priority(unsigned exception, uint8_t priority)
{
    if (exception >= ISR_IRQ_BASE)
        mmio_write8(NVIC_IPR + exception - ISR_IRQ_BASE, priority);
    else
        mmio_write8(SCB_SHPR + exception - 4, priority);
}

int nvic_priority(unsigned exception)
{
    if (exception >= ISR_VECTOR_COUNT || isr_priorities[exception] < 0)
        return -1;
    uint32_t addr = exception >= ISR_IRQ_BASE ? NVIC_IPR + exception - ISR_IRQ_BASE : SCB_SHPR + exception - 4;
    return *(volatile uint8_t *)addr;
}

void nvic_enable(unsigned irq)
{
    mmio_write(NVIC_ISER + 4 * (irq / 32), 1u << (irq % 32));
}

void nvic_disable(unsigned irq)
{
    mmio_write(NVIC_ICER + 4 * (irq / 32), 1u << (irq % 32));
    barrier();
}

/* An IRQ is bound by the spec when its table word is not a default entry. */
static bool bound(unsigned exception)
{
    const struct isr_symbol *s = isr_symbol_at(__isr_table_start[exception]);
    return s && strcmp(s->style, ISR_STYLE_DEFAULT) != 0;
}

void nvic_init(void)
{
    for (unsigned v = 0; v < ISR_VECTOR_COUNT; v++)
        if (isr_priorities[v] >= 0)
            set_priority(v, (uint8_t)isr_priorities[v]);
    for (unsigned v = ISR_IRQ_BASE; v < ISR_VECTOR_COUNT; v++)
        if (bound(v))
            nvic_enable(v - ISR_IRQ_BASE);
}

bool nvic_pend(unsigned exception)
{
    if (exception == EXC_NMI)
        mmio_write(SCB_ICSR, ICSR_NMIPENDSET);
    else if (exception == EXC_PENDSV)
        mmio_write(SCB_ICSR, ICSR_PENDSVSET);
    else if (exception == EXC_SYSTICK)
        mmio_write(SCB_ICSR, ICSR_PENDSTSET);
    else if (exception >= ISR_IRQ_BASE && exception < ISR_VECTOR_COUNT)
        mmio_write(NVIC_STIR, exception - ISR_IRQ_BASE);   /* STIR: privileged software trigger */
    else
        return false;
    barrier();
    return true;
}
