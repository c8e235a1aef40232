"""How the toolchains build x86_64 code: the kernel's own compiler and flags
(tools/toolchain.py), and the second compiler the cost report compares with it
(reports/variants.py)."""
from isr import toolchain_facts as facts


# The kernel's build: target triple, flags and sources (tools/toolchain.py).
KERNEL = {
    "triple": "x86_64-none-elf",
    # No red zone: interrupts at ring 0 push onto the current stack, right
    # where a leaf function's red zone would be. General registers only:
    # interrupt handlers would otherwise have to save SSE state.
    "cflags": ["-mno-red-zone", "-mgeneral-regs-only", "-mno-sse", "-mno-mmx", "-fno-pic"],
    "ldflags": ["-z", "max-page-size=4096"],
    "sources": ["boot/x86_64/*.S", "kernel/*.c", "kernel/x86_64/*.c", "kernel/x86_64/*.S"],
}

# The second compiler, as Debian ships it: the command, its package, and the
# flags that stand for clang's --target and the arch's cflags.
GCC = {"cc": "gcc", "package": "gcc", "bench_cflags": ["-momit-leaf-frame-pointer"],
       # Debian's GCC builds PIE by default; `interrupt` needs -mgeneral-regs-only.
       "cflags": ["-m64", "-mno-red-zone", "-mgeneral-regs-only", "-mno-sse", "-mno-mmx",
                  "-fno-pic", "-fno-pie", "-fcf-protection=none"]}


# Every toolchain family of tools/toolchains.py for this arch (issue 24;
# isr/toolchain_facts.py says what the facts are).
TOOLCHAINS = {"clang": facts.clang(KERNEL), "gcc": facts.gcc(GCC), "avr-gcc": facts.AVR_ONLY,
              # zig cc 0.17.1 passes no -mgeneral-regs-only to its clang, and -mno-sse
              # alone leaves SSE2 on (tools/findings.py ZIG_CC_KEEPS_SSE): the CPU
              # without SSE, MMX and x87 instead. Its clang then warns at each call
              # from an interrupt function, for want of the flag it did not get.
              "zig-cc": facts.zig_cc("x86_64-freestanding-none", KERNEL,
                                    {"-mgeneral-regs-only": ["-mcpu=x86_64-sse-sse2-mmx-x87",
                                                             "-Wno-excessive-regsave"]})}

# Handler languages besides C (isr/validate.py lang=, tools/handler_langs.py):
# Zig's x86_64_interrupt and Rust's extern "x86-interrupt", both for either
# error-code shape. Soft float and no red zone, as the C kernel (KERNEL).
TOOLCHAINS["zig"] = facts.handler_language(
    "x86_64-freestanding-none", ["-mcpu=x86_64-sse-sse2-mmx+soft_float", "-mno-red-zone", "-fno-PIC",
                                 "-fomit-frame-pointer"], sources=facts.ZIG_STUB)
TOOLCHAINS["rustc"] = facts.handler_language(
    "x86_64-unknown-none", ["-C", "relocation-model=static", "-C", "code-model=small"], sources=facts.RUST_STUB)

# The SSE variant (issue 24; reports/variants.py sse=True): the seed's question
# of whether a compiler saves the xmm registers an `interrupt` function
# clobbers. kernel/x86_64/sse/*.c alone is built with SSE on (the flags that
# turn it off, in each toolchain's spelling, dropped), its abi handlers bound
# to the first abi counter bench vector and, in place of the spec's handler
# (rebind), to #GP, which the CPU enters with an error code; probe.S and
# probe.c load and check xmm sentinels. CR4.OSFXSR is
# on in every kernel already (kernel/x86_64/fpu.c).
SSE = {"sources": ["kernel/x86_64/sse/*.c"],
       "drop": ["-mgeneral-regs-only", "-mno-sse", "-mcpu=x86_64-sse-sse2-mmx-x87"],
       "add": ["-msse2"],
       "probe_sources": ["kernel/x86_64/probe.S", "kernel/x86_64/probe.c"],
       "defines": ["-DISR_SSE_PROBE"],
       "bench": "bench_abi_sse",
       "rebind": {"on_general_protection": "sse_on_general_protection"}}
