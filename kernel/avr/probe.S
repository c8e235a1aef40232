/* probe_run (kernel/avr/probe.c): with r0-r31 and SREG holding probe_want's
 * sentinels, let the pending bench vector in as bench_window.S does (SEI,
 * then an access to the I/O page, where QEMU takes it), and store every
 * register and SREG in probe_got, and SP before and after. LDS, STS, SEI and
 * CLI leave the other SREG flags alone. */
#include <avr/io.h>

    .section .text.probe_run, "ax", @progbits
    .globl probe_run
    .type probe_run, @function
probe_run:
    .irp n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 28, 29
    push r\n                    /* call-saved in avr-gcc's ABI */
    .endr
    in r24, _SFR_IO_ADDR(SPL)
    sts probe_sp_before, r24
    in r24, _SFR_IO_ADDR(SPH)
    sts probe_sp_before + 1, r24
    lds r0, probe_want + 32
    out _SFR_IO_ADDR(SREG), r0  /* the SREG sentinel, I clear */
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    lds r\n, probe_want + \n
    .endr
    sei
    sts _SFR_MEM_ADDR(GPIOR0), r0
    cli
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    sts probe_got + \n, r\n
    .endr
    in r0, _SFR_IO_ADDR(SREG)
    sts probe_got + 32, r0
    in r24, _SFR_IO_ADDR(SPL)
    sts probe_sp_after, r24
    in r24, _SFR_IO_ADDR(SPH)
    sts probe_sp_after + 1, r24
    clr r1                      /* avr-gcc's zero register */
    .irp n, 29, 28, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2
    pop r\n
    .endr
    ret
    .size probe_run, . - probe_run
