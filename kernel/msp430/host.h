/* Requests to the launcher (qemu/mspdebug_sim.py): the kernel calls
 * msp430_host_call, the launcher stops there at a breakpoint, acts on the
 * simulator, and continues. mspdebug's sim has no UART and no way for the
 * guest to reach the host, so this breakpoint is the channel. */
#ifndef HOST_H
#define HOST_H

#include <stdint.h>

enum host_request {
    HOST_INPUT = 1,         /* the shell waits for a byte: show the unfinished line (the
                               prompt), and hand over typed bytes as HOST_IDLE does */
    HOST_TRIGGER = 2,       /* `simio config tracer trigger arg`: raise interrupt arg (0-15) */
    HOST_PIN = 3,           /* pulse pin arg2 of port arg (rising, then falling edge) */
    HOST_NMI_PIN = 4,       /* pulse the RST/NMI pin low and high again */
    HOST_IDLE = 5,          /* the CPU is about to sleep in LPM0: let host time catch up with
                               the guest's idle time; typed bytes, if any, go into
                               msp430_mailbox (arg: its room, 0 until its handler emptied
                               it), then irq arg2 is raised */
};

/* The launcher's breakpoint (kernel/msp430/host.S): r12-r14 are the request,
   r15 its sequence number, so a breakpoint hit twice (an interrupt taken
   while stepping over it) is served once. */
void msp430_host_call(uint16_t what, uint16_t arg, uint16_t arg2, uint16_t seq);
void msp430_host_request(enum host_request what, uint16_t arg, uint16_t arg2);

/* Park with the status in r12 at msp430_exit_parked, where the launcher reads it. */
__attribute__((noreturn)) void msp430_exit(uint16_t status);

#endif
