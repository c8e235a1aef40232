"""How the toolchains build arm32 code: the kernel's own compiler and flags
(tools/toolchain.py), and the second compiler the cost report compares with it
(reports/variants.py)."""
from isr import toolchain_facts as facts


# The kernel's build: target triple, flags and sources (tools/toolchain.py).
KERNEL = {
    "triple": "armv7a-none-eabi",
    # ARM state: clang's interrupt("IRQ"/"FIQ"/...) functions are a fatal
    # backend error in Thumb-1 and the VBAR words are ARM branches. Soft
    # float: clang saves no VFP register in an interrupt function, so the
    # kernel must have none to lose (README, arm32). The MMU stays off, so
    # every access is Device memory, where an unaligned one faults.
    "cflags": ["-mcpu=cortex-a15", "-marm", "-mfloat-abi=soft", "-mno-unaligned-access", "-fno-pic"],
    "ldflags": ["-z", "max-page-size=4096"],
    "sources": ["boot/arm32/*.S", "kernel/*.c", "kernel/arm/*.c", "kernel/arm/*.S", "kernel/arm32/*.c", "kernel/arm32/*.S"],
}

# The second compiler, as Debian ships it: the command, its package, and the
# flags that stand for clang's --target and the arch's cflags.
# The same GCC in ARM state for the A15: interrupt("IRQ"/"FIQ"/...) as in clang.
GCC = {"cc": "arm-none-eabi-gcc", "package": "gcc-arm-none-eabi", "bench_cflags": ["-fomit-frame-pointer"],
       "cflags": ["-marm", "-mcpu=cortex-a15", "-mfloat-abi=soft", "-mno-unaligned-access", "-fno-pic"]}


# Every toolchain family of tools/toolchains.py for this arch (issue 24;
# isr/toolchain_facts.py says what the facts are).
TOOLCHAINS = {"clang": facts.clang(KERNEL), "gcc": facts.gcc(GCC), "avr-gcc": facts.AVR_ONLY,
              "zig-cc": facts.zig_cc("arm-freestanding-eabi", KERNEL,
                                    {"-mcpu=cortex-a15": "-mcpu=cortex_a15"})}

# Handler languages besides C (isr/validate.py lang=, tools/handler_langs.py).
# Zig's arm_interrupt(.irq/.fiq/.swi/.abort/.undef), built with a frame
# pointer: without one LLVM schedules a FIQ handler's return before its body
# (tools/findings.py ZIG_FIQ_RETURN_FIRST). Rust has no ARM interrupt ABI.
TOOLCHAINS["zig"] = facts.handler_language(
    "arm-freestanding-eabi", ["-mcpu=cortex_a15-neon-vfp2-vfp3-vfp4-d32+soft_float+strict_align",
                              "-fno-omit-frame-pointer", "-fno-PIC"], sources=facts.ZIG_STUB)
TOOLCHAINS["rustc"] = facts.handler_language(
    "armv7a-none-eabi", ["-C", "target-cpu=cortex-a15", "-C", "target-feature=+strict-align,+soft-float"],
    {"abi": "Rust has no ARM interrupt ABI (no extern \"arm-interrupt\" or kind of it); "
            "write the handler as a stub (extern \"C\") or naked (#[unsafe(naked)]) one"},
    sources=facts.RUST_STUB)

# No SSE variant (reports/variants.py sse=True): the seed's question about
# saving SSE registers in an `interrupt` function is x86's.
SSE = None
