"""The shapes of the per-arch toolchain facts (isr/arch_<arch>/toolchains.py
TOOLCHAINS, read by tools/toolchains.py), for the families whose facts follow
from the arch's KERNEL and GCC: one line per family in each arch's file.

A family's facts: the flags that choose the target ("target"), the arch's
flags ("cflags"), the bench handlers' extra flags ("bench_cflags"), and the
command and Debian package where the arch decides them ("cc", "package").
A string instead says why the family has nothing for the arch.
"""

# The bench handlers go without a frame pointer in leaf functions, as the
# kernel's own build has them (tools/toolchain.py SOURCE_CFLAGS).
LEAF = ["-momit-leaf-frame-pointer"]

AVR_ONLY = "avr-gcc builds AVR code only"


def clang(kernel):
    """Every clang version takes the kernel's own triple and flags."""
    return {"target": [f"--target={kernel['triple']}"], "cflags": kernel["cflags"], "bench_cflags": LEAF}


def gcc(second):
    """The arch's GCC (its GCC dict: command, package, flags), or why it has none."""
    if isinstance(second, str):
        return second
    return {"cc": [second["cc"]], "package": second["package"], "cflags": second["cflags"],
            "bench_cflags": second["bench_cflags"]}


def zig_cc(target, kernel, spelled=None):
    """Zig's clang: the kernel's flags, the target in Zig's spelling (`zig targets`),
    and spelled: {a flag of the kernel's: Zig's spelling of it, a flag or a list},
    for the flags zig cc reads itself (-mcpu takes Zig's CPU names, -march is
    taken for a CPU, CPU features follow Zig's model)."""
    spelled = spelled or {}
    flags = []
    for flag in kernel["cflags"]:
        said = spelled.get(flag, flag)
        flags += said if isinstance(said, list) else [said]
    # zig cc makes unwind tables (.eh_frame) where clang for these targets does
    # not, despite -fno-asynchronous-unwind-tables: msp430's 64 KiB overflowed.
    return {"target": ["-target", target], "cflags": flags + ["-fno-unwind-tables"], "bench_cflags": LEAF}


def handler_language(target, flags, refusals=None, sources=None):
    """A language the kernel's handlers may be written in (Zig's own
    conventions, rustc): its target in the compiler's spelling, the flags the
    arch needs, the styles the language cannot write on the arch, each
    with why ({style: reason}; isr/validate.py refuses lang= with it), and
    the arch-neutral sources (kernel/zig/, kernel/rust/) the arch takes
    besides its own kernel/<arch>/ ones (tools/handler_langs.py sources):
    handlers that are the C convention there, the same code on every arch.
    Zig has no -momit-leaf-frame-pointer: where the arch needs no frame pointer,
    -fomit-frame-pointer builds its handlers as the C bench handlers are."""
    return {"target": target, "flags": flags, "refusals": refusals or {}, "sources": sources or []}


# The stub bench handlers (the generated entry calls them with a pointer they
# do not read) written once per language, for the arches whose stub handler
# does nothing but count (riscv64's also clears the mip bits software sets).
ZIG_STUB = ["kernel/zig/bench_stub.zig"]
RUST_STUB = ["kernel/rust/bench_stub.rs"]
# The abi bench handlers for an arch whose interrupt ABI is the C convention.
ZIG_ABI_C = ["kernel/zig/bench_abi_c.zig"]
RUST_ABI_C = ["kernel/rust/bench_abi_c.rs"]
