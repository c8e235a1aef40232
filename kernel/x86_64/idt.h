#ifndef IDT_H
#define IDT_H

/* Pack the generated gate-source table into the live IDT and load it. */
void idt_init(void);

#endif
