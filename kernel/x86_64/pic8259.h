#ifndef PIC8259_H
#define PIC8259_H

#include <stdbool.h>
#include <stdint.h>

#include "isr.h"

void pic_init(unsigned vector_base);
void pic_unmask(unsigned irq);
void pic_mask(unsigned irq);
ISR_CALLEE void pic_eoi(unsigned irq);
ISR_CALLEE bool pic_is_spurious(unsigned irq);
ISR_CALLEE uint16_t pic_in_service(void);

#endif
