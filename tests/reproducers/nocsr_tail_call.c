/* LLVM #97758 (tools/findings.py NOCSR_TAIL_CALL): handler keeps every
   register (no_caller_saved_registers), so it saves rcx, rdx, r8 and r9
   around its call to take(). Its last call, to report(), passes arguments
   in those registers; clang 14 and 19 make it a tail call and restore the
   saved registers after loading the arguments, so report() gets the
   caller's values. Build: clang-N --target=x86_64-none-elf -O2
   -mgeneral-regs-only -S. */
void take(int value);
void report(int a, int b, int c, int d, int e, const char *note);

__attribute__((no_caller_saved_registers)) void handler(int value, const char *note)
{
    take(value);
    report(value, 1, 2, 3, 4, note);
}
