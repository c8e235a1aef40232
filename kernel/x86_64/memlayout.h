/* Addresses and I/O ports of the QEMU x86_64 machine (PC-compatible legacy devices). */
#ifndef MEMLAYOUT_H
#define MEMLAYOUT_H

/* 16550 UART COM1: I/O ports 0x3f8-0x3ff, IRQ 4 on the master PIC. */
#define COM1_PORT 0x3f8
#define COM1_IRQ 4

/* 8259A PIC pair: command and data ports of the master and the slave. */
#define PIC1_COMMAND 0x20
#define PIC1_DATA 0x21
#define PIC2_COMMAND 0xa0
#define PIC2_DATA 0xa1

/* 8254 PIT: channel 0 data port and the mode/command port; channel 0 drives IRQ 0. */
#define PIT_CHANNEL0 0x40
#define PIT_COMMAND 0x43
#define PIT_INPUT_HZ 1193182u   /* the PIT's oscillator: 14.31818 MHz / 12 */
#define PIT_IRQ 0

/* Local APIC registers, memory-mapped at its reset base (IA32_APIC_BASE). The
   boot page tables map this 2 MiB region uncached. */
#define LAPIC_BASE 0xfee00000
#define LAPIC_SVR 0x0f0         /* spurious-interrupt vector register, bit 8 = software enable */
#define LAPIC_LVT_LINT0 0x350   /* local vector table entry of the LINT0 pin */
#define LAPIC_LVT_LINT1 0x360   /* local interrupt pin 1: the NMI input */

/* QEMU isa-debug-exit (qemu/ profile: iobase=0xf4, iosize=4): writing V ends
   QEMU with exit status (V << 1) | 1. */
#define DEBUG_EXIT_PORT 0xf4

/* The first 2 MiB are mapped with 4 KiB pages by boot/x86_64/entry.S so that
   single pages can be left out or protected for the page-fault scenarios. */
#define TRAP_NULL_PAGE 0x0000   /* not present: NULL dereferences fault */
#define TRAP_RO_PAGE 0x1000     /* present, read-only (CR0.WP=1 applies it to ring 0) */
#define TRAP_NX_PAGE 0x2000     /* present, no-execute (EFER.NXE=1) */

#endif
