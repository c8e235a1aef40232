#ifndef LAPIC_H
#define LAPIC_H

void lapic_virtual_wire(void);

#endif
