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

uint16_t __mspabi_mpyi(uint16_t a, uint16_t b);
uint32_t __mspabi_mpyl(uint32_t a, uint32_t b);
uint32_t __mspabi_divul(uint32_t n, uint32_t d);
uint32_t __mspabi_remul(uint32_t n, uint32_t d);
uint64_t msp430_mul64(uint64_t a, uint64_t b);
uint64_t msp430_udiv64(uint64_t n, uint64_t d);
uint64_t msp430_urem64(uint64_t n, uint64_t d);

/* Shift-and-add, one bit of b per step: the same loop at each width. */
#define DEFINE_MULTIPLY(name, type)                 \
    type name(type a, type b)                       \
    {                                               \
        type product = 0;                           \
        for (; b; b >>= 1, a <<= 1)                 \
            if (b & 1)                              \
                product += a;                       \
        return product;                             \
    }

DEFINE_MULTIPLY(__mspabi_mpyi, uint16_t)
DEFINE_MULTIPLY(__mspabi_mpyl, uint32_t)
DEFINE_MULTIPLY(msp430_mul64, uint64_t)

/* Shift-subtract, one quotient bit per step from the top: n's bits move into
   r. The top-bit mask is a constant, so no step needs a variable shift.
   Division by zero (undefined in C) returns without trapping: the MSP430 has
   no trap to raise. */
#define DEFINE_SHIFT_SUBTRACT(name, type, bits)             \
    static type name(type n, type d, type *rem)             \
    {                                                       \
        const type top = (type)1 << ((bits) - 1);           \
        type q = 0, r = 0;                                  \
        for (int i = 0; i < (bits); i++) {                  \
            r = (type)((r << 1) | ((n & top) ? 1 : 0));     \
            n <<= 1;                                        \
            q <<= 1;                                        \
            if (r >= d) {                                   \
                r -= d;                                     \
                q |= 1;                                     \
            }                                               \
        }                                                   \
        *rem = r;                                           \
        return q;                                           \
    }

DEFINE_SHIFT_SUBTRACT(shift_subtract16, uint16_t, 16)
DEFINE_SHIFT_SUBTRACT(shift_subtract32, uint32_t, 32)
DEFINE_SHIFT_SUBTRACT(shift_subtract64, uint64_t, 64)

/* printf divides 64-bit numbers that are almost always small: a narrower
   loop does the same division in a quarter of the steps, each cheaper. */
static uint32_t udivmod32(uint32_t n, uint32_t d, uint32_t *rem)
{
    if ((n | d) <= 0xffffu) {
        uint16_t r16;
        uint16_t q16 = shift_subtract16((uint16_t)n, (uint16_t)d, &r16);
        *rem = r16;
        return q16;
    }
    return shift_subtract32(n, d, rem);
}

static uint64_t udivmod64(uint64_t n, uint64_t d, uint64_t *rem)
{
    if ((n | d) <= 0xfffffffful) {
        uint32_t r32;
        uint32_t q32 = udivmod32((uint32_t)n, (uint32_t)d, &r32);
        *rem = r32;
        return q32;
    }
    return shift_subtract64(n, d, rem);
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
