/* What mspdebug's `sim` puts around the MSP430F1611 (mspdebug 0.22 drivers/sim.c,
 * simio/), and the clock the kernel assumes. */
#ifndef MEMLAYOUT_H
#define MEMLAYOUT_H

/* simio `console`: every byte written here is printed by mspdebug, a line at
   a time (at '\n' or 256 bytes). Unused on a real F1611. */
#define CONSOLE_OUT 0x00FFu

/* The simulator counts cycles and runs SMCLK with MCLK; the kernel takes a
   cycle as 1 us, an F1611 with its DCO at 1 MHz. */
#define MCLK_HZ 1000000u

#endif
