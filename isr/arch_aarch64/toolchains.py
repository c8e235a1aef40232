"""How the toolchains build aarch64 code: the kernel's own compiler and flags
(tools/toolchain.py), and the second compiler the cost report compares with it
(reports/variants.py)."""
from isr import toolchain_facts as facts


# The kernel's build: target triple, flags and sources (tools/toolchain.py).
KERNEL = {
    "triple": "aarch64-none-elf",
    # General registers only: stubs then need not save the FP/SIMD state.
    # Strict alignment: with the MMU off every data access is Device
    # memory, where an unaligned access is an alignment fault.
    "cflags": ["-mgeneral-regs-only", "-mstrict-align", "-fno-pic"],
    "ldflags": ["-z", "max-page-size=4096"],
    "sources": ["boot/aarch64/*.S", "kernel/*.c", "kernel/arm/pl011.c", "kernel/arm/gicv2.c", "kernel/arm/gic_bench.c", "kernel/aarch64/*.c", "kernel/aarch64/*.S"],
}

# The second compiler, as Debian ships it: the command, its package, and the
# flags that stand for clang's --target and the arch's cflags.
# The Linux-targeted cross compiler builds freestanding code as well; AArch64
# has no `abi` style, so it builds the stub handlers and gic_dispatch's C.
GCC = {"cc": "aarch64-linux-gnu-gcc", "package": "gcc-aarch64-linux-gnu",
       "bench_cflags": ["-momit-leaf-frame-pointer"],
       "cflags": ["-mgeneral-regs-only", "-mstrict-align", "-fno-pic", "-fno-pie"]}


# Every toolchain family of tools/toolchains.py for this arch (issue 24;
# isr/toolchain_facts.py says what the facts are).
TOOLCHAINS = {"clang": facts.clang(KERNEL), "gcc": facts.gcc(GCC), "avr-gcc": facts.AVR_ONLY,
              # zig cc 0.17.1 passes no -mgeneral-regs-only to its clang (tools/findings.py
              # ZIG_CC_KEEPS_SSE): it copies structs through q registers, and its
              # kernel did not boot. The CPU without FP and SIMD instead.
              "zig-cc": facts.zig_cc("aarch64-freestanding-none", KERNEL,
                                    {"-mgeneral-regs-only": "-mcpu=generic-fp_armv8-neon"})}

# Handler languages besides C (isr/validate.py lang=, tools/handler_langs.py):
# AArch64 has no interrupt convention in Zig or Rust either; both write stub
# handlers (the C ABI) and naked entries.
TOOLCHAINS["zig"] = facts.handler_language(
    "aarch64-freestanding-none", ["-mcpu=generic-fp_armv8-neon+strict_align", "-fno-PIC", "-fomit-frame-pointer"],
    sources=facts.ZIG_STUB)
TOOLCHAINS["rustc"] = facts.handler_language(
    "aarch64-unknown-none-softfloat", ["-C", "relocation-model=static", "-C", "target-feature=+strict-align"],
    sources=facts.RUST_STUB)

# No SSE variant (reports/variants.py sse=True): the seed's question about
# saving SSE registers in an `interrupt` function is x86's.
SSE = None
