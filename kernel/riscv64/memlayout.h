/* Devices of QEMU's riscv64 `virt` machine (hw/riscv/virt.c, virt_memmap[] in QEMU 7.2). */
#ifndef MEMLAYOUT_H
#define MEMLAYOUT_H

/* SiFive test finisher: write 0x5555 and QEMU exits 0; (status << 16) | 0x3333
   and QEMU exits with status. */
#define TEST_FINISHER 0x100000ul
#define FINISHER_PASS 0x5555u
#define FINISHER_FAIL 0x3333u
#define FINISHER_RESET 0x7777u          /* QEMU resets the machine (stops, with -no-reboot) */

/* CLINT (SiFive core-local interruptor): per-hart msip at +4*hart, mtimecmp at
   +0x4000 + 8*hart, the free-running mtime at +0xbff8. */
#define CLINT_BASE 0x2000000ul
#define CLINT_MSIP(hart) (CLINT_BASE + 4 * (hart))
#define CLINT_MTIMECMP(hart) (CLINT_BASE + 0x4000 + 8 * (hart))
#define CLINT_MTIME (CLINT_BASE + 0xbff8)
#define MTIME_HZ 10000000u      /* virt's timebase-frequency in its device tree: 10 MHz */

/* PLIC: priority at +4*source, pending bits at +0x1000, context c's enable
   bits at +0x2000 + 0x80*c, threshold at +0x200000 + 0x1000*c and
   claim/complete at +0x200004 + 0x1000*c. Context 0 is hart 0's M-mode. */
#define PLIC_BASE 0x0c000000ul
#define PLIC_PRIORITY(source) (PLIC_BASE + 4 * (source))
#define PLIC_PENDING (PLIC_BASE + 0x1000)
#define PLIC_ENABLE(ctx) (PLIC_BASE + 0x2000 + 0x80 * (ctx))
#define PLIC_THRESHOLD(ctx) (PLIC_BASE + 0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx) (PLIC_BASE + 0x200004 + 0x1000 * (ctx))
#define PLIC_CONTEXT_HART0_M 0

/* NS16550A UART0, byte-wide registers (reg-shift 0), PLIC source 10. */
#define UART0_BASE 0x10000000ul
#define UART0_IRQ 10

/* Nothing answers at 0 on virt (its "debug" region holds no device): loads,
   stores and fetches there raise access faults, as the `trap` scenarios want. */
#define TRAP_NO_DEVICE 0x0ul

#endif
