/* The Cortex-M fields of a report line (docs/reference/shell.md, "Report lines"). */
#include "cm3.h"
#include "memlayout.h"
#include "nvic.h"
#include "printf.h"
#include "scb.h"
#include "trap_report.h"

#define SHCSR_ACTIVE_BITS 6
/* SHCSR active bits and the system exception each one stands for (ARMv7-M ARM B3.2, SHCSR);
   NMI and HardFault have none. */
static const struct { uint32_t bit; unsigned exception; } shcsr_active[SHCSR_ACTIVE_BITS] = {
    {1u << 0, EXC_MEMMANAGE}, {1u << 1, EXC_BUSFAULT}, {1u << 3, EXC_USAGEFAULT},
    {1u << 7, EXC_SVCALL}, {1u << 10, EXC_PENDSV}, {1u << 11, EXC_SYSTICK},
};

void cm_report_begin(unsigned vector, const struct exception_frame *frame)
{
    report_begin(vector, false, 0, frame->pc);
}

static void print_active(void)
{
    const char *sep = "";
    kprintf(" active=");
    unsigned self = r_ipsr();
    if (self == EXC_NMI || self == EXC_HARDFAULT) {     /* fixed priority: no SHCSR active bit */
        kprintf("%u", self);
        sep = "+";
    }
    uint32_t shcsr = mmio_read(SCB_SHCSR);
    for (unsigned i = 0; i < SHCSR_ACTIVE_BITS; i++)
        if (shcsr & shcsr_active[i].bit) {
            kprintf("%s%u", sep, shcsr_active[i].exception);
            sep = "+";
        }
    uint32_t iabr = mmio_read(NVIC_IABR);
    for (unsigned irq = 0; irq < 32; irq++)
        if (iabr & (1u << irq)) {
            kprintf("%s%u", sep, ISR_IRQ_BASE + irq);
            sep = "+";
        }
    if (!*sep)
        kprintf("-");
}

void cm_report_context(const struct exception_frame *frame, uint32_t exc_return)
{
    report_field("stack", "%s", (exc_return & EXC_RETURN_PSP) ? "psp" : "msp");
    report_field("frame", "0x%x", (unsigned)(uintptr_t)frame);
    unsigned from = frame->xpsr & XPSR_EXCEPTION;
    if (from)
        report_field("from", "%u", from);
    else
        report_field("from", "thread");
    print_active();
}
