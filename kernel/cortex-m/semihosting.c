/* ARM semihosting (ARM "Semihosting for AArch32 and AArch64", v2): on M-profile
 * the call is BKPT 0xAB with the operation in r0 and its argument in r1;
 * QEMU serves it when started with -semihosting-config enable=on. */
#include <stdint.h>

#include "semihosting.h"

#define SYS_EXIT 0x18                       /* r1 = reason itself, on 32-bit ARM */
#define SYS_EXIT_EXTENDED 0x20              /* r1 = address of {reason, status} */
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

static void semihosting_call(uint32_t op, uint32_t arg)
{
    register uint32_t r0 __asm__("r0") = op;
    register uint32_t r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
}

void semihosting_exit(int status)
{
    if (status == 0) {
        semihosting_call(SYS_EXIT, ADP_STOPPED_APPLICATION_EXIT);   /* QEMU exits 0 */
    } else {
        static uint32_t block[2];
        block[0] = ADP_STOPPED_APPLICATION_EXIT;
        block[1] = (uint32_t)status;
        semihosting_call(SYS_EXIT_EXTENDED, (uint32_t)block);       /* QEMU exits with status */
    }
    for (;;)                                 /* without semihosting, stop here */
        __asm__ volatile("cpsid i\n\twfi");
}
