#ifndef GDT_H
#define GDT_H

/* GDT selectors (index * 8). */
#define GDT_KERNEL_CODE 0x08
#define GDT_KERNEL_DATA 0x10
#define GDT_TSS 0x18            /* a 16-byte system descriptor: two slots */
#define GDT_ABSENT_DATA 0x28    /* P=0 on purpose: loading it raises #NP, into SS #SS */
#define GDT_USER_CODE 0x30      /* DPL 3, L=1: ring-3 64-bit code */
#define GDT_USER_DATA 0x38      /* DPL 3, writable: ring-3 stack segment */
#define GDT_LIMIT_END 0x40      /* first selector past the GDT limit: loading it raises #GP */
#define RPL_USER 3              /* a selector's low two bits: the privilege it is used at */

#ifndef __ASSEMBLER__
#include <stdint.h>

void gdt_init(void);
/* "ist1".."ist7" when addr lies on that interrupt stack, "rsp0" on the stack
   TSS.rsp0 gives interrupts from ring 3, else "kernel". */
const char *stack_name(uint64_t addr);
#endif

#endif
