#ifndef PIC8259_H
#define PIC8259_H

#include <stdbool.h>
#include <stdint.h>

#include "isr.h"

/* The 8259 pair's wiring on the PC: the slave's output drives the master's
   IRQ 2, and a spurious request shows on the lowest-priority line of each
   chip, IRQ 7 and IRQ 15 (8259A data sheet, "Interrupt sequence"). */
#define CASCADE_IRQ 2
#define MASTER_SPURIOUS_IRQ 7
#define SLAVE_SPURIOUS_IRQ 15

void pic_init(unsigned vector_base);
void pic_unmask(unsigned irq);
void pic_mask(unsigned irq);
ISR_CALLEE void pic_eoi(unsigned irq);
ISR_CALLEE bool pic_is_spurious(unsigned irq);
ISR_CALLEE uint16_t pic_in_service(void);

#endif
