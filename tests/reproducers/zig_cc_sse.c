/* tools/findings.py ZIG_CC_KEEPS_SSE: with -mgeneral-regs-only -mno-sse no
   xmm register exists for the compiler, so handler saves none around its
   call; zig cc 0.17.1 for x86_64-freestanding saves xmm0-15. Build:
   python -m ziglang cc -target x86_64-freestanding-none -mgeneral-regs-only
   -mno-sse -O2 -c. */
void take(void);

__attribute__((no_caller_saved_registers)) void handler(void)
{
    take();
}
