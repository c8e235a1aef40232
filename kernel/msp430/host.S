/* The two places where the launcher stops the simulator (kernel/msp430/host.h).
 * mspdebug imports only FUNC and OBJECT symbols from the ELF, so each is a
 * typed function of its own. */
    .section .text.msp430_host_call, "ax"
    .globl msp430_host_call
    .type msp430_host_call, @function
msp430_host_call:               ; breakpoint: r12 what, r13 arg, r14 arg2, r15 sequence
    ret
    .size msp430_host_call, . - msp430_host_call

    .section .text.msp430_exit, "ax"
    .globl msp430_exit
    .type msp430_exit, @function
msp430_exit:                    ; r12 = status
    dint
    nop
    .size msp430_exit, . - msp430_exit
    .globl msp430_exit_parked
    .type msp430_exit_parked, @function
msp430_exit_parked:             ; breakpoint: the launcher reads r12 here and ends the run
    bis #0x10, r2               ; CPUOFF with GIE clear: nothing runs again
    jmp msp430_exit_parked
    .size msp430_exit_parked, . - msp430_exit_parked
