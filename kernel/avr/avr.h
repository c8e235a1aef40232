/* ATmega2560 CPU helpers, one tiny inline each, so no C file is full of
 * inline assembly (AVR Instruction Set Manual: SEI, CLI, LPM; the datasheet's
 * register summary comes from avr-libc's <avr/io.h>). */
#ifndef AVR_H
#define AVR_H

#include <stdint.h>

#include <avr/io.h>

#include "isr.h"

#define F_CPU_HZ 16000000UL         /* QEMU hw/avr/arduino.c: the mega2560 board's 16 MHz crystal */

static inline void cli(void)
{
    __asm__ volatile("cli" ::: "memory");
}

static inline void sei(void)
{
    __asm__ volatile("sei" ::: "memory");
}

/* QEMU 7.2 takes a pending interrupt only between translation blocks, and
   its SLEEP never wakes: `sei; nop; cli` or `sei; sleep` would never run a
   handler. A few turns of a loop with interrupts on give it block boundaries
   (every branch ends one); on real hardware the first turn suffices too,
   since SEI lets one more instruction run before an interrupt. */
static inline void poll_interrupts(void)
{
    uint8_t turns = 8;
    __asm__ volatile("sei\n1:\tdec %0\n\tbrne 1b\n\tcli" : "+d"(turns) : : "memory");
}

/* One byte of flash at a byte address below 64 KiB (LPM). Data that the
   linker leaves in flash, such as gen/isr_info.c's isr_symbols (in .isr,
   with the table), cannot be read with an ordinary load: the AVR's flash and
   SRAM are separate address spaces. */
static inline uint8_t flash_byte(uint16_t address)
{
    uint8_t value;
    __asm__("lpm %0, Z" : "=r"(value) : "z"(address));
    return value;
}

static inline uint16_t flash_word(uint16_t address)
{
    return flash_byte(address) | (uint16_t)flash_byte(address + 1) << 8;
}

/* The byte address an `abi` handler returns to. The CPU pushed the 22-bit
   word PC, high byte lowest, right above the handler's own pushes and frame,
   whose size avr-gcc records as .L__stack_usage (what its own
   __builtin_return_address reads, though that one keeps only 16 bits).
   Use it first in the handler, before SP moves for a call. */
#define ABI_RETURN_PC()                                                                 \
    ({                                                                                  \
        const volatile uint8_t *pushed_;                                                \
        __asm__ volatile("in %A0, __SP_L__\n\tin %B0, __SP_H__\n\t"                     \
                         "subi %A0, lo8(-(.L__stack_usage + 1))\n\t"                    \
                         "sbci %B0, hi8(-(.L__stack_usage + 1))"                        \
                         : "=d"(pushed_));                                              \
        (((uint32_t)pushed_[0] << 16 | (uint32_t)pushed_[1] << 8 | pushed_[2]) * 2);   \
    })

/* The byte address a stub's frame returns to. */
static inline uint32_t frame_pc(const struct trap_frame *f)
{
    return ((uint32_t)f->pc_hi << 16 | (uint32_t)f->pc_mid << 8 | f->pc_lo) * 2;
}

/* Exit: interrupts off, status in r24, spin at avr_parked (park.S). */
__attribute__((noreturn)) void avr_park(uint8_t status);

#endif
