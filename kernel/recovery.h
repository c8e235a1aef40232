/* Recovery points: how a fault that the shell raised on purpose gets back to
 * the prompt. recovery_arm() works like setjmp: it returns 0 when armed and 1
 * when a handler sent the CPU to recovery_resume, which restores the saved
 * callee-saved registers and stack as longjmp would.
 */
#ifndef RECOVERY_H
#define RECOVERY_H

#include <stdint.h>

struct recovery {
    uint64_t regs[16];         /* layout private to kernel/<arch>/recovery.S */
};

/* Non-null while the shell runs a trigger that may fault. */
extern struct recovery *volatile active_recovery;

__attribute__((returns_twice)) int recovery_arm(struct recovery *r);
void recovery_disarm(void);
/* Where a handler points the interrupted context to land back in recovery_arm. */
void recovery_resume(void);

#endif
