#ifndef PLIC_H
#define PLIC_H

void plic_enable(unsigned source);
unsigned plic_claim(void);
void plic_complete(unsigned source);

#endif
