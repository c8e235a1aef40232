/* 8254 PIT channel 0 as the periodic tick (IRQ 0). */
#include <stdint.h>

#include "memlayout.h"
#include "pit.h"
#include "x86.h"

/* Mode/command byte: channel 0 (bits 6-7 = 00), lobyte then hibyte
   (bits 4-5 = 11), mode 2 rate generator (bits 1-3 = 010), binary. */
#define PIT_CH0_RATE_GENERATOR 0x34

void pit_init(unsigned hz)
{
    uint32_t divisor = (PIT_INPUT_HZ + hz / 2) / hz;   /* nearest: 11932 for 100 Hz */
    outb(PIT_COMMAND, PIT_CH0_RATE_GENERATOR);
    outb(PIT_CHANNEL0, divisor & 0xff);
    outb(PIT_CHANNEL0, divisor >> 8);
}
