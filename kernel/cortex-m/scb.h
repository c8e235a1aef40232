/* System Control Block bits that fault handling depends on (ARMv7-M ARM B3.2). */
#ifndef SCB_H
#define SCB_H

/* AIRCR: writes need the key in the top half, or the core ignores them. */
#define AIRCR_VECTKEY (0x05FAu << 16)
#define AIRCR_SYSRESETREQ (1u << 2)     /* ask the system for a reset */

/* CCR */
#define CCR_UNALIGN_TRP (1u << 3)       /* unaligned LDR/STR (not only LDM/STRD) is a UsageFault */
#define CCR_DIV_0_TRP (1u << 4)         /* SDIV/UDIV by zero is a UsageFault (else the result is 0) */

/* SHCSR: enable bits of the configurable faults; while one is clear, that
   fault escalates to HardFault with HFSR.FORCED. */
#define SHCSR_MEMFAULTENA (1u << 16)
#define SHCSR_BUSFAULTENA (1u << 17)
#define SHCSR_USGFAULTENA (1u << 18)

/* CFSR = UFSR[31:16] | BFSR[15:8] | MMFSR[7:0]; bits are write-1-to-clear. */
#define CFSR_MMFSR 0x000000ffu
#define CFSR_BFSR 0x0000ff00u
#define CFSR_UFSR 0xffff0000u
#define CFSR_MMARVALID (1u << 7)        /* MMFAR holds the faulting address */
#define CFSR_PRECISERR (1u << 9)        /* the stacked PC is the faulting instruction */
#define CFSR_IMPRECISERR (1u << 10)     /* a buffered write failed later: PC is past it */
#define CFSR_BFARVALID (1u << 15)       /* BFAR holds the faulting address */

/* HFSR */
#define HFSR_VECTTBL (1u << 1)          /* a vector-table read failed */
#define HFSR_FORCED (1u << 30)          /* a configurable fault escalated: see CFSR */

/* Stacked xPSR */
#define XPSR_T (1u << 24)               /* Thumb state: must be 1 on return */
#define XPSR_STACK_ALIGN (1u << 9)      /* the hardware padded SP by 4 to align the frame */
#define XPSR_EXCEPTION 0x1ffu           /* IPSR of the interrupted code: 0 = Thread mode */

#endif
