/* The ring-3 task: code and stack in the user pages (linker/x86_64.ld
 * .user), entered with IRETQ, talking to the kernel through the DPL 3 gate
 * of on_syscall. */
#ifndef USER_H
#define USER_H

/* System calls: the number in RDI, the value in RAX (user.S includes this). */
#define SYS_ECHO 0      /* RAX + 1 comes back in RAX */
#define SYS_EXIT 1      /* back to the kernel for good, RAX the result */

#ifndef __ASSEMBLER__
#include <stdint.h>

/* Entry points in user.S, section .user.text. Each ends in SYS_EXIT through
   the vector in RSI, unless the CPU stops it first. */
void user_int_task(void);       /* RDI = vector: `int` it with RAX = 0x1000 + vector */
void user_hlt_task(void);       /* HLT at CPL 3 */
void user_cli_task(void);       /* CLI at CPL 3 with IOPL 0 */
void user_load_task(void);      /* RDI = address: load from it */
void user_ac_task(void);        /* RFLAGS.AC set, then a misaligned load */

/* Enter task at CPL 3 with RDI = arg, RSI = the system-call vector, on the
   user stack, interrupts on. Never returns: the task comes back through the
   recovery point the caller armed. */
__attribute__((noreturn)) void user_enter(void (*task)(void), uint64_t arg, uint64_t syscall_vector);

/* The `trap` triggers that run the task (traps.c lists them). */
void raise_user_syscall(void);
void raise_user_int_dpl0(void);
void raise_user_hlt(void);
void raise_user_cli(void);
void raise_user_pf(void);
void raise_user_kernel_memory(void);
void raise_user_ac(void);
#endif

#endif
