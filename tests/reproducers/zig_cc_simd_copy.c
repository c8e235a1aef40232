/* tools/findings.py ZIG_CC_KEEPS_SSE, aarch64: with -mgeneral-regs-only no
   FP or SIMD register exists for the compiler, so the copy goes through x
   registers; zig cc 0.17.1 copies through q0 and q1. Build: python -m
   ziglang cc -target aarch64-freestanding-none -mgeneral-regs-only -O2 -c. */
struct four_words {
    long a, b, c, d;
};

void copy(struct four_words *to, const struct four_words *from)
{
    *to = *from;
}
