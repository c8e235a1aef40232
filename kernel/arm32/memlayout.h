/* Physical addresses and interrupt IDs of QEMU's `virt` board for a 32-bit CPU
 * (hw/arm/virt.c base_memmap and a15irqmap, QEMU 7.2: the same map as aarch64).
 * The MMU stays off: these are used as is. */
#ifndef MEMLAYOUT_H
#define MEMLAYOUT_H

#define GICD_BASE 0x08000000u      /* GICv2 distributor (gic-version=2, the default) */
#define GICC_BASE 0x08010000u      /* GICv2 CPU interface */
#define UART0_BASE 0x09000000u     /* PL011 UART0 */

#define INTID_TIMER_VIRT 27        /* PPI 11: virtual timer (ARCH_TIMER_VIRT_IRQ) */
#define INTID_TIMER_PHYS 30        /* PPI 14: PL1 physical timer (ARCH_TIMER_NS_EL1_IRQ) */
#define INTID_UART0 33             /* SPI 1: 32 + VIRT_UART's a15irqmap entry 1 */

/* Nothing answers here: the gap between the virtio-mmio transports
   (0x0a000000-0x0a003fff) and the platform bus (0x0c000000). With the MMU
   off, a load, store or fetch there is a synchronous external abort. */
#define TRAP_UNASSIGNED 0x0b000000u

#endif
