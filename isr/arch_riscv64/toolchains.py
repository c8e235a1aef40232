"""How the toolchains build riscv64 code: the kernel's own compiler and flags
(tools/toolchain.py), and the second compiler the cost report compares with it
(reports/variants.py)."""
from isr import toolchain_facts as facts


# The kernel's build: target triple, flags and sources (tools/toolchain.py).
KERNEL = {
    "triple": "riscv64",
    # rv64imac: no FPU state for handlers to save. medany: the kernel runs at
    # 0x80000000, outside medlow's +-2 GiB around 0. lld 14 cannot do linker
    # relaxation (R_RISCV_ALIGN), so the compiler must not ask for it.
    "cflags": ["-march=rv64imac", "-mabi=lp64", "-mcmodel=medany", "-mno-relax", "-fno-pic"],
    "ldflags": ["-z", "max-page-size=4096"],
    "sources": ["boot/riscv64/*.S", "kernel/*.c", "kernel/riscv64/*.c", "kernel/riscv64/*.S"],
}

# The second compiler, as Debian ships it: the command, its package, and the
# flags that stand for clang's --target and the arch's cflags.
# GCC 12 has no -momit-leaf-frame-pointer for RISC-V or ARM: the bench
# handlers (all leaves, or tail calls) go without a frame pointer.
GCC = {"cc": "riscv64-unknown-elf-gcc", "package": "gcc-riscv64-unknown-elf",
       "bench_cflags": ["-fomit-frame-pointer"],
       # GCC 12 wants the CSR instructions named as their own extension.
       "cflags": ["-march=rv64imac_zicsr", "-mabi=lp64", "-mcmodel=medany", "-mno-relax", "-fno-pic"]}


# Every toolchain family of tools/toolchains.py for this arch (issue 24;
# isr/toolchain_facts.py says what the facts are).
TOOLCHAINS = {"clang": facts.clang(KERNEL), "gcc": facts.gcc(GCC), "avr-gcc": facts.AVR_ONLY,
              "zig-cc": facts.zig_cc("riscv64-freestanding-none", KERNEL,
                                    {"-march=rv64imac": "-mcpu=generic_rv64+m+a+c+zicsr"})}

# Handler languages besides C (isr/validate.py lang=, tools/handler_langs.py):
# Zig's riscv64_interrupt(.machine) and Rust's extern "riscv-interrupt-m".
# No linker relaxation, as KERNEL (lld 14). No shared stub handlers
# (facts.ZIG_STUB): these clear the mip bits software sets, so they are
# kernel/riscv64/bench.zig's and bench.rs's.
TOOLCHAINS["zig"] = facts.handler_language(
    "riscv64-freestanding-none", ["-mcpu=baseline_rv64-d-f-relax", "-mcmodel=medany", "-fno-PIC", "-fomit-frame-pointer"])
TOOLCHAINS["rustc"] = facts.handler_language(
    "riscv64imac-unknown-none-elf", ["-C", "target-feature=-relax", "-C", "code-model=medium"])

# No SSE variant (reports/variants.py sse=True): the seed's question about
# saving SSE registers in an `interrupt` function is x86's.
SSE = None
