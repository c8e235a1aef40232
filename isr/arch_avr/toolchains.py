"""How the toolchains build avr code: the kernel's own compiler and flags
(tools/toolchain.py), and the second compiler the cost report compares with it
(reports/variants.py)."""
from isr import toolchain_facts as facts

# The kernel's build: target triple, flags and sources (tools/toolchain.py).
KERNEL = {
    "triple": "avr",
    # avr-gcc, not clang: clang 14 miscompiled a 6-argument call for AVR here,
    # and only avr-gcc has the `signal` and `interrupt` attributes (and avr-libc's
    # headers). The frame pointer (Y, r29:r28) would cost every handler two more
    # pushes: leave it to the functions that need it.
    "cc": ["avr-gcc", "-mmcu=atmega2560"],
    "cflags": ["-fomit-frame-pointer"],
    # avr-gcc has no -momit-leaf-frame-pointer: every function here goes
    # without a frame pointer already (SOURCE_CFLAGS). The bench and probe
    # hooks return bool, and avr-gcc's stabs for a function returning bool
    # make avr-gdb 13 assert (gdbtypes.h "field") whenever it reads any
    # symbol of the kernel: those two files go without debug information.
    "source_cflags": {"kernel/{arch}/bench.c": ["-g0"], "kernel/{arch}/probe.c": ["-g0"]},
    # Our own startup (boot/avr/entry.S) instead of avr-libc's crt; libgcc for
    # the 64-bit arithmetic of the shared code. --no-stubs: on the 2560 avr-ld
    # otherwise routes every code pointer (gs()) through a JMP stub of its
    # own, so isr_symbols would not hold the addresses the table jumps to;
    # without stubs, code past 128 KiB (16-bit word pointers) fails the link.
    "linker": ["avr-gcc", "-mmcu=atmega2560", "-nostartfiles", "-Wl,--gc-sections", "-Wl,--no-stubs"],
    "libs": ["-lgcc"],
    "objdump": "avr-objdump",
    "sources": ["boot/avr/*.S", "kernel/*.c", "kernel/bench/counter.c", "kernel/avr/*.c", "kernel/avr/*.S"],
}

# No second compiler: the kernel's own is GCC already, and clang is the one
# that miscompiled the kernel here (above).
GCC = None


# Every toolchain family of tools/toolchains.py for this arch (issue 24;
# isr/toolchain_facts.py says what the facts are).
TOOLCHAINS = {
    "clang": "the AVR kernel is avr-gcc's (KERNEL above): it needs avr-libc's headers and libgcc, and "
             "clang 14 miscompiled a 6-argument call here; no clang build of it is kept",
    "gcc": "AVR's GCC is avr-gcc, an entry of its own",
    "avr-gcc": {"cc": KERNEL["cc"], "package": "gcc-avr", "cflags": KERNEL["cflags"], "bench_cflags": []},
    "zig-cc": "Zig's clang would build the AVR kernel without avr-libc's headers and libgcc, which it needs "
              "(KERNEL above); no zig cc build of it is kept",
}

# Handler languages besides C (isr/validate.py lang=, tools/handler_langs.py):
# Zig's avr_signal and avr_interrupt (nonblocking=True), Rust's unstable
# extern "avr-interrupt" and "avr-non-blocking-interrupt".
TOOLCHAINS["zig"] = facts.handler_language("avr-freestanding-none", ["-mcpu=atmega2560"], sources=facts.ZIG_STUB)
TOOLCHAINS["rustc"] = facts.handler_language("avr-none", ["-C", "target-cpu=atmega2560"], sources=facts.RUST_STUB)

# No SSE variant (reports/variants.py sse=True): the seed's question about
# saving SSE registers in an `interrupt` function is x86's.
SSE = None
