#ifndef IDT_H
#define IDT_H

#include <stdint.h>

#define GATE_PRESENT 0x80       /* type_attr bit 7: P */
#define GATE_DPL_SHIFT 5        /* type_attr bits 5-6: the lowest privilege INT n may raise it from */
#define GATE_DPL_MASK (3 << GATE_DPL_SHIFT)
#define GATE_BYTES 16           /* a long-mode gate */

/* Pack the generated gate-source table into the live IDT and load it. */
void idt_init(void);

/* For `break`: read and rewrite one live gate's attribute byte, and reload
   IDTR with another limit (bytes - 1; idt_full_limit() is the one at boot). */
uint8_t idt_gate_attr(unsigned vector);
void idt_set_gate_attr(unsigned vector, uint8_t type_attr);
void idt_load_limit(uint16_t limit);
uint16_t idt_full_limit(void);

#endif
