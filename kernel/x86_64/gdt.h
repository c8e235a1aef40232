#ifndef GDT_H
#define GDT_H

#include <stdint.h>

/* GDT selectors (index * 8). */
#define GDT_KERNEL_CODE 0x08
#define GDT_KERNEL_DATA 0x10
#define GDT_TSS 0x18            /* a 16-byte system descriptor: two slots */
#define GDT_ABSENT_DATA 0x28    /* P=0 on purpose: loading it raises #NP, into SS #SS */
#define GDT_LIMIT_END 0x30      /* first selector past the GDT limit: loading it raises #GP */

void gdt_init(void);
/* "ist1".."ist7" when addr lies on that interrupt stack, else "kernel". */
const char *stack_name(uint64_t addr);

#endif
