/* The U-mode task: code and stack in one PMP region, entered with mret,
 * talking to the kernel through ecall. */
#ifndef USER_H
#define USER_H

/* System call numbers, in a7 (user.S includes this header for them). */
#define SYS_ECHO 0      /* a0 + 1 comes back in a0 */
#define SYS_EXIT 1      /* back to the kernel, with a0 as the result */

#ifndef __ASSEMBLER__
#include <stdint.h>

/* Entry points in user.S, section .user.text. */
void user_ecall_task(void);     /* a0 = n: SYS_ECHO, then SYS_EXIT with the answer */
void user_csr_task(void);       /* reads mstatus: illegal instruction from U-mode */
void user_mem_task(void);       /* a0 = a kernel address: loads it, outside its PMP region */

/* PMP entry 0 gives U-mode read, write and execute on the user region only;
   everything else stays M-mode's (privileged spec 3.7: with any PMP entry
   set, a U-mode access that matches none fails). */
void user_pmp_init(void);

/* Enter task in U-mode with a0 = arg, on the user stack. Never returns: the
   task comes back through the recovery point the caller armed. */
__attribute__((noreturn)) void user_enter(void (*task)(void), uint64_t arg);
#endif

#endif
