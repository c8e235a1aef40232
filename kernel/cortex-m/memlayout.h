/* mps2-an385 devices (QEMU hw/arm/mps2.c; ARM AN385) and the Cortex-M3
 * System Control Space (ARMv7-M ARM B3.2, B3.3, B3.4). */
#ifndef MEMLAYOUT_H
#define MEMLAYOUT_H

#define SYSCLK_HZ 25000000u             /* mps2.c SYSCLK_FRQ: CPU and APB clock */

/* CMSDK APB UART0, the first serial port; RX is IRQ 0, TX IRQ 1. */
#define UART0_BASE 0x40004000u
#define UART0_RX_IRQ 0

/* Nothing decodes here on AN385 (no RAM, device or unimplemented-device
   region in mps2.c): an access ends in a bus error. */
#define UNMAPPED_ADDR 0x60000000u
/* System region 0xE0000000-0xFFFFFFFF is Execute Never in the default memory
   map (B3.1): an instruction fetch there is a MemManage fault. */
#define XN_ADDR 0xE0000000u

/* System Control Space. */
#define SYST_CSR 0xE000E010u            /* SysTick control and status */
#define SYST_RVR 0xE000E014u            /* reload value, 24 bits */
#define SYST_CVR 0xE000E018u            /* current value; any write clears it */
#define NVIC_ISER 0xE000E100u           /* set-enable, one bit per IRQ */
#define NVIC_ICER 0xE000E180u           /* clear-enable */
#define NVIC_ISPR 0xE000E200u           /* set-pending */
#define NVIC_IABR 0xE000E300u           /* active bits */
#define NVIC_IPR 0xE000E400u            /* priority, one byte per IRQ */
#define SCB_ICSR 0xE000ED04u            /* interrupt control and state */
#define SCB_VTOR 0xE000ED08u            /* vector table offset */
#define SCB_AIRCR 0xE000ED0Cu           /* application interrupt and reset control */
#define SCB_CCR 0xE000ED14u             /* configuration and control */
#define SCB_SHPR 0xE000ED18u            /* system handler priority, byte N-4 for exception N */
#define SCB_SHCSR 0xE000ED24u           /* system handler control and state */
#define SCB_CFSR 0xE000ED28u            /* configurable fault status: MMFSR, BFSR, UFSR */
#define SCB_HFSR 0xE000ED2Cu            /* HardFault status */
#define SCB_MMFAR 0xE000ED34u           /* MemManage fault address */
#define SCB_BFAR 0xE000ED38u            /* BusFault address */
#define NVIC_STIR 0xE000EF00u           /* software trigger: write an IRQ number to pend it */

#endif
