/* The MSP430 EABI's multiply and divide helpers (TI SLAA534, 6.3), which clang
 * calls for every `*`, `/` and `%` the CPU cannot do (it has no multiply or
 * divide instruction) and which would otherwise come from libgcc.
 *
 * Shift-and-add and shift-subtract with one-bit shifts only: a variable
 * shift would itself be a helper call. The 16- and 32-bit helpers take the
 * standard convention; the 64-bit ones pass both operands in registers and
 * reach these C functions through mspabi.S.
 */
#include <stdint.h>

#define TOP64 0x8000000000000000ull
#define TOP32 0x80000000ul

uint16_t __mspabi_mpyi(uint16_t a, uint16_t b);
uint32_t __mspabi_mpyl(uint32_t a, uint32_t b);
uint32_t __mspabi_divul(uint32_t n, uint32_t d);
uint32_t __mspabi_remul(uint32_t n, uint32_t d);
uint64_t msp430_mul64(uint64_t a, uint64_t b);
uint64_t msp430_udiv64(uint64_t n, uint64_t d);
uint64_t msp430_urem64(uint64_t n, uint64_t d);

uint16_t __mspabi_mpyi(uint16_t a, uint16_t b)
{
    uint16_t product = 0;
    for (; b; b >>= 1, a <<= 1)
        if (b & 1)
            product += a;
    return product;
}

uint32_t __mspabi_mpyl(uint32_t a, uint32_t b)
{
    uint32_t product = 0;
    for (; b; b >>= 1, a <<= 1)
        if (b & 1)
            product += a;
    return product;
}

uint64_t msp430_mul64(uint64_t a, uint64_t b)
{
    uint64_t product = 0;
    for (; b; b >>= 1, a <<= 1)
        if (b & 1)
            product += a;
    return product;
}

static uint16_t udivmod16(uint16_t n, uint16_t d, uint16_t *rem)
{
    uint16_t q = 0, r = 0;
    for (int i = 0; i < 16; i++) {
        r = (r << 1) | ((n & 0x8000u) ? 1 : 0);
        n <<= 1;
        q <<= 1;
        if (r >= d) {
            r -= d;
            q |= 1;
        }
    }
    *rem = r;
    return q;
}

/* One quotient bit per step, from the top: n's bits move into r. Division by
   zero (undefined in C) returns without trapping: the MSP430 has no trap to raise. */
static uint32_t udivmod32(uint32_t n, uint32_t d, uint32_t *rem)
{
    if ((n | d) <= 0xffffu) {
        uint16_t r16;
        uint16_t q16 = udivmod16((uint16_t)n, (uint16_t)d, &r16);
        *rem = r16;
        return q16;
    }
    uint32_t q = 0, r = 0;
    for (int i = 0; i < 32; i++) {
        r = (r << 1) | ((n & TOP32) ? 1 : 0);
        n <<= 1;
        q <<= 1;
        if (r >= d) {
            r -= d;
            q |= 1;
        }
    }
    *rem = r;
    return q;
}

/* printf divides 64-bit numbers that are almost always small: a narrower
   loop does the same division in a quarter of the steps, each cheaper. */
static uint64_t udivmod64(uint64_t n, uint64_t d, uint64_t *rem)
{
    if ((n | d) <= 0xffffu) {
        uint16_t r16;
        uint16_t q16 = udivmod16((uint16_t)n, (uint16_t)d, &r16);
        *rem = r16;
        return q16;
    }
    if ((n | d) <= 0xfffffffful) {
        uint32_t r32;
        uint32_t q32 = udivmod32((uint32_t)n, (uint32_t)d, &r32);
        *rem = r32;
        return q32;
    }
    uint64_t q = 0, r = 0;
    for (int i = 0; i < 64; i++) {
        r = (r << 1) | ((n & TOP64) ? 1 : 0);
        n <<= 1;
        q <<= 1;
        if (r >= d) {
            r -= d;
            q |= 1;
        }
    }
    *rem = r;
    return q;
}

uint32_t __mspabi_divul(uint32_t n, uint32_t d)
{
    uint32_t r;
    return udivmod32(n, d, &r);
}

uint32_t __mspabi_remul(uint32_t n, uint32_t d)
{
    uint32_t r;
    udivmod32(n, d, &r);
    return r;
}

uint64_t msp430_udiv64(uint64_t n, uint64_t d)
{
    uint64_t r;
    return udivmod64(n, d, &r);
}

uint64_t msp430_urem64(uint64_t n, uint64_t d)
{
    uint64_t r;
    udivmod64(n, d, &r);
    return r;
}
