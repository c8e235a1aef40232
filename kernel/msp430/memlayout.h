/* What mspdebug's `sim` puts around the MSP430F1611 (mspdebug 0.22 drivers/sim.c,
 * simio/), and the clock the kernel assumes. */
#ifndef MEMLAYOUT_H
#define MEMLAYOUT_H

/* simio `console`: every byte written here is printed by mspdebug, a line at
   a time (at '\n' or 256 bytes). Unused on a real F1611. */
#define CONSOLE_OUT 0x00FFu

/* The simulator counts cycles and runs SMCLK with MCLK, and ACLK at MCLK / 256
   (simio.c simio_step); the kernel takes a cycle as 125 ns: an F1611 at its
   top speed, 8 MHz, with ACLK near a 32768 Hz watch crystal (31250 Hz). */
#define MCLK_HZ 8000000u
#define ACLK_HZ (MCLK_HZ / 256u)

#endif
