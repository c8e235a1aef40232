/* The U-mode side: PMP for the user region, and the system call handler that
 * isr/riscv64.py binds to ecall-u. */
#include <stdint.h>

#include "exceptions.h"
#include "riscv.h"
#include "stats.h"
#include "user.h"

extern char __user_start[], __user_end[];   /* linker/riscv64.ld: naturally aligned, power of two */

/* NAPOT (privileged spec 3.7.1): a region of 2^k bytes at a 2^k-aligned base
   is encoded as (base + 2^(k-1) - 1) >> 2, the size in the trailing ones. */
void user_pmp_init(void)
{
    uint64_t base = (uint64_t)__user_start, size = (uint64_t)(__user_end - __user_start);
    w_pmpaddr0((base + size / 2 - 1) >> 2);
    w_pmpcfg0(PMP_NAPOT | PMP_R | PMP_W | PMP_X);
}

/* mepc points at the ecall (4 bytes, no compressed form): a returning call
   adds 4. SYS_EXIT leaves U-mode for good through the recovery point. */
void on_user_ecall(struct trap_frame *frame)
{
    struct trap_csrs *csrs = trap_csrs_of(frame);
    stats_count((unsigned)frame->vector);
    riscv_report_begin((unsigned)frame->vector, csrs);
    report_field("sys", "%s", frame->a7 == SYS_ECHO ? "echo" : frame->a7 == SYS_EXIT ? "exit" : "unknown");
    report_field("a0", "0x%llx", (unsigned long long)frame->a0);
    if (frame->a7 == SYS_EXIT) {           /* the report's a0= is the task's result */
        report_end(RECOVER);
        send_to_recovery(csrs);
        return;
    }
    frame->a0 = frame->a7 == SYS_ECHO ? frame->a0 + 1 : (uint64_t)-1;
    csrs->mepc += 4;
    report_end(RESUME);
}
