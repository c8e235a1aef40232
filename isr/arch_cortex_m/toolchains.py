"""How the toolchains build cortex-m code: the kernel's own compiler and flags
(tools/toolchain.py), and the second compiler the cost report compares with it
(reports/variants.py)."""
from isr import toolchain_facts as facts


# The kernel's build: target triple, flags and sources (tools/toolchain.py).
KERNEL = {
    "triple": "thumbv7m-none-eabi",
    # Cortex-M3: Thumb-2 only, no FPU, so soft-float and no FP context to stack.
    "cflags": ["-mthumb", "-mcpu=cortex-m3", "-mfloat-abi=soft", "-fno-pic"],
    "ldflags": [],
    "sources": ["boot/cortex-m/*.S", "kernel/*.c", "kernel/bench/counter.c", "kernel/arm/udivmod.*", "kernel/cortex-m/*.c", "kernel/cortex-m/*.S"],
}

# The second compiler, as Debian ships it: the command, its package, and the
# flags that stand for clang's --target and the arch's cflags.
GCC = {"cc": "arm-none-eabi-gcc", "package": "gcc-arm-none-eabi", "bench_cflags": ["-fomit-frame-pointer"],
       "cflags": ["-mthumb", "-mcpu=cortex-m3", "-mfloat-abi=soft", "-fno-pic"]}


# Every toolchain family of tools/toolchains.py for this arch (issue 24;
# isr/toolchain_facts.py says what the facts are).
TOOLCHAINS = {"clang": facts.clang(KERNEL), "gcc": facts.gcc(GCC), "avr-gcc": facts.AVR_ONLY,
              "zig-cc": facts.zig_cc("thumb-freestanding-eabi", KERNEL,
                                    {"-mcpu=cortex-m3": "-mcpu=cortex_m3"})}

# Handler languages besides C (isr/validate.py lang=, tools/handler_langs.py):
# a Cortex-M abi handler is a plain function (the hardware stacks the
# caller-saved registers), so callconv(.c) in Zig and extern "C" in Rust:
# the arch-neutral abi bench handlers (kernel/zig/, kernel/rust/bench_abi_c).
TOOLCHAINS["zig"] = facts.handler_language("thumb-freestanding-eabi", ["-mcpu=cortex_m3", "-fno-PIC", "-fomit-frame-pointer"],
                                           sources=facts.ZIG_STUB + facts.ZIG_ABI_C)
# Rust's thumbv7m target keeps a frame pointer in every function, which
# -C force-frame-pointers=no does not lift (rustc 1.96): its abi counter
# handler pushes r7 and lr where Zig's and the hand-written one push nothing.
TOOLCHAINS["rustc"] = facts.handler_language("thumbv7m-none-eabi", ["-C", "relocation-model=static"],
                                             sources=facts.RUST_STUB + facts.RUST_ABI_C)

# No SSE variant (reports/variants.py sse=True): the seed's question about
# saving SSE registers in an `interrupt` function is x86's.
SSE = None
