/* 64-bit division for the shared C code (printf, sleep_ms) on the 32-bit ARM
 * arches (cortex-m, arm32): the Cortex-M3 and Cortex-A15 divide 32-bit numbers
 * in hardware (UDIV), and clang calls __aeabi_uldivmod (udivmod.S) for 64-bit
 * ones, which a freestanding kernel must provide. */
#include <stdint.h>

uint64_t udivmod64(uint64_t n, uint64_t d, uint64_t *rem);

/* Shift-subtract long division, one quotient bit per step. */
uint64_t udivmod64(uint64_t n, uint64_t d, uint64_t *rem)
{
    uint64_t q = 0, r = 0;
    for (int bit = 63; bit >= 0; bit--) {
        r = (r << 1) | ((n >> bit) & 1);
        if (r >= d) {
            r -= d;
            q |= (uint64_t)1 << bit;
        }
    }
    *rem = r;
    return q;
}
