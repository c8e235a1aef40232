/* The 8259A PIC pair: remapped away from the CPU exception vectors.
 *
 * At reset both PICs deliver at vectors 8-15 and 0x70-0x77, right on top of
 * the CPU exceptions, so they are reprogrammed with ICW1-ICW4 first.
 */
#include <stdint.h>

#include "memlayout.h"
#include "pic8259.h"
#include "x86.h"

#define ICW1_INIT_ICW4 0x11     /* edge triggered, cascade, ICW4 follows */
#define ICW4_8086 0x01          /* 8086 mode, normal (not automatic) EOI */
#define OCW2_EOI 0x20           /* non-specific end of interrupt */
#define OCW3_READ_ISR 0x0b      /* next read of the command port returns the in-service register */
/* An I/O write to the unused port 0x80 takes about a microsecond: old PICs
   need that between initialisation words. */
static void io_wait(void)
{
    outb(0x80, 0);
}

void pic_init(unsigned vector_base)
{
    outb(PIC1_COMMAND, ICW1_INIT_ICW4);
    io_wait();
    outb(PIC2_COMMAND, ICW1_INIT_ICW4);
    io_wait();
    outb(PIC1_DATA, vector_base);          /* ICW2: master IRQ 0-7 -> base..base+7 */
    io_wait();
    outb(PIC2_DATA, vector_base + 8);      /* ICW2: slave IRQ 8-15 -> base+8..base+15 */
    io_wait();
    outb(PIC1_DATA, 1 << CASCADE_IRQ);     /* ICW3: the master has a slave on IRQ 2 */
    io_wait();
    outb(PIC2_DATA, CASCADE_IRQ);          /* ICW3: the slave's cascade identity */
    io_wait();
    outb(PIC1_DATA, ICW4_8086);
    io_wait();
    outb(PIC2_DATA, ICW4_8086);
    io_wait();
    outb(PIC1_DATA, (uint8_t)~(1 << CASCADE_IRQ));  /* everything masked but the cascade */
    outb(PIC2_DATA, 0xff);
}

void pic_unmask(unsigned irq)
{
    uint16_t port = irq < 8 ? PIC1_DATA : PIC2_DATA;
    outb(port, inb(port) & ~(1 << (irq & 7)));
}

void pic_mask(unsigned irq)
{
    uint16_t port = irq < 8 ? PIC1_DATA : PIC2_DATA;
    outb(port, inb(port) | (1 << (irq & 7)));
}

/* A slave IRQ is in service on both chips: the slave and, through IRQ 2, the master. */
ISR_CALLEE void pic_eoi(unsigned irq)
{
    if (irq >= 8)
        outb(PIC2_COMMAND, OCW2_EOI);
    outb(PIC1_COMMAND, OCW2_EOI);
}

/* When a request goes away before the CPU acknowledges it, the PIC still has
   to answer and reports its lowest-priority line (IRQ 7, or 15 on the slave)
   without setting the in-service bit. Such a spurious IRQ must get no EOI on
   its own chip: a non-specific EOI would end some other, real interrupt. */
ISR_CALLEE bool pic_is_spurious(unsigned irq)
{
    uint16_t port = irq < 8 ? PIC1_COMMAND : PIC2_COMMAND;
    outb(port, OCW3_READ_ISR);
    return !(inb(port) & (1 << (irq & 7)));
}

/* Both chips' in-service registers, slave in the high byte: the IRQs that
   have been delivered and not yet ended by an EOI. In the fully nested mode
   set up by pic_init, only a line of higher priority (lower number) than
   every one in service gets through. */
ISR_CALLEE uint16_t pic_in_service(void)
{
    outb(PIC1_COMMAND, OCW3_READ_ISR);
    outb(PIC2_COMMAND, OCW3_READ_ISR);
    return (uint16_t)(inb(PIC1_COMMAND) | (inb(PIC2_COMMAND) << 8));
}
