"""How the toolchains build msp430 code: the kernel's own compiler and flags
(tools/toolchain.py), and the second compiler the cost report compares with it
(reports/variants.py)."""
from isr import toolchain_facts as facts


# The kernel's build: target triple, flags and sources (tools/toolchain.py).
KERNEL = {
    "triple": "msp430",
    # The MSP430F1611 (isr/arch_msp430): -mmcu defines __MSP430F1611__, which
    # selects its header in msp430mcu's <msp430.h>. A handler whose
    # signature interrupt(N) refuses must be an error, not a plain function.
    # No hardware multiplier: its MPY registers are state an interrupt could
    # corrupt mid-multiply; kernel/msp430/mspabi.c multiplies in software.
    "cflags": ["-mmcu=msp430f1611", "-mhwmult=none", "-isystem", "/usr/msp430/include",
               "-Werror=ignored-attributes"],
    # periph.x (the part's register symbols) for linker/msp430.ld's INCLUDE;
    # console_getc asks the launcher for input first (kernel/msp430/mailbox.c).
    "ldflags": ["-L", "/usr/msp430/lib/ldscripts/msp430f1611", "--wrap=console_getc"],
    "sources": ["boot/msp430/*.S", "kernel/*.c", "kernel/bench/counter.c", "kernel/msp430/*.c", "kernel/msp430/*.S"],
}


# No second compiler: Debian ships no MSP430 GCC (gcc-msp430 left Debian
# before 12; `apt-cache policy gcc-msp430` has no candidate), only the
# part's headers and linker scripts (msp430mcu) that clang uses.
GCC = None


# Every toolchain family of tools/toolchains.py for this arch (issue 24;
# isr/toolchain_facts.py says what the facts are).
TOOLCHAINS = {"clang": facts.clang(KERNEL), "gcc": facts.gcc("Debian ships no MSP430 GCC (GCC above)"), "avr-gcc": facts.AVR_ONLY,
              "zig-cc": facts.zig_cc("msp430-freestanding-none", KERNEL)}

# Handler languages besides C (isr/validate.py lang=, tools/handler_langs.py):
# Zig's msp430_interrupt and Rust's extern "msp430-interrupt"; no hardware
# multiplier, as KERNEL.
TOOLCHAINS["zig"] = facts.handler_language("msp430-freestanding-none", ["-mcpu=msp430"], sources=facts.ZIG_STUB)
TOOLCHAINS["rustc"] = facts.handler_language("msp430-none-elf", [], sources=facts.RUST_STUB)

# No SSE variant (reports/variants.py sse=True): the seed's question about
# saving SSE registers in an `interrupt` function is x86's.
SSE = None
