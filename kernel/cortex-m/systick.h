#ifndef SYSTICK_H
#define SYSTICK_H

void systick_init(unsigned hz);

#endif
