"""Tool behaviours the tests pin, keyed by the versions they were seen on.

A finding is something a compiler or an emulator does that the hardware (or
the language) would not: the tool, the versions it was seen on here, and the
first version seen without it, once there is one. On an installed version
that has it (any version before that fix, the untried ones in between
included), the test that asserts the right behaviour is a strict xfail whose
reason names the versions; on a version without it, the same test asserts the
right behaviour. Never a skip: a version in between that turns out fixed
fails the strict xfail, which says where to record it.

The tests take their xfail marks from here and the book's findings table
(reports/book_tables.py) is made from it, so it lives in tools/, beside the
toolchain registry (tools/toolchains.py) and the version questions
(tools/versions.py) it is keyed by.
"""
from dataclasses import dataclass

import pytest

from tools import versions


@dataclass(frozen=True)
class Finding:
    tool: str               # the command asked for its version: "clang", "qemu-system-riscv64", ...
    seen: tuple             # versions it was seen on, as --version prints them: ("7.2.22",)
    what: str               # what the tool does, in words
    fixed: tuple = None     # (major, minor) of the first version seen without it; None: none yet
    fixed_seen: str = ""    # the version that showed it fixed: "10.0.13"

    def installed(self):
        return versions.version(self.tool)

    def present(self):
        """The installed tool is one that has the behaviour (as far as anyone here has seen)."""
        return self.has(self.installed())

    def has(self, version):
        """A tool of this version (a tuple) has the behaviour (as far as anyone
        here has seen): several of one family are installed side by side
        (clang-14, clang-19, clang-22 and zig cc, tools/toolchains.py)."""
        return self.fixed is None or version is None or version[:len(self.fixed)] < self.fixed

    def reason(self):
        name = versions.tool_name(self.tool)
        said = f"{name} {', '.join(self.seen)}: {self.what}"
        if self.fixed:
            said += f"; fixed in {name} {versions.dotted(self.fixed)} (seen on {self.fixed_seen})"
        return f"{said}; installed: {versions.describe(self.tool)}"

    def xfail(self, raises=None):
        """The mark for a test that asserts the right behaviour."""
        return pytest.mark.xfail(self.present(), strict=True, raises=raises, reason=self.reason())

    def xfail_for(self, name, version):
        """The mark for a test of one toolchain (name, its version) that asserts the right behaviour."""
        return pytest.mark.xfail(self.has(version), strict=True,
                                 reason=f"{self.reason().rsplit('; installed:', 1)[0]}; here: {name} "
                                        f"{versions.dotted(version)}")


# QEMU (tests/qemu/test_known_limits.py asserts the hardware's behaviour for each)
X86_QEMU, RISCV_QEMU, ARM_QEMU = "qemu-system-x86_64", "qemu-system-riscv64", "qemu-system-arm"
NO_XM = Finding(X86_QEMU, ("7.2.22", "10.0.13"), "TCG sets MXCSR.ZE for an unmasked SSE error and never raises #XM")
NO_AC = Finding(X86_QEMU, ("7.2.22", "10.0.13"), "TCG checks no alignment, so a misaligned load at CPL 3 with "
                                                 "CR0.AM and RFLAGS.AC set succeeds")
AMO_AS_LOAD = Finding(RISCV_QEMU, ("7.2.22",), "one-hart TCG performs a misaligned AMO as a load, and reports "
                                              "load-misaligned (cause 4)", fixed=(10, 0), fixed_seen="10.0.13")
PRECISE_BUS_FAULT = Finding(ARM_QEMU, ("7.2.22", "10.0.13"), "every store completes before the next "
                                                              "instruction, so a store's BusFault is precise")
IDT_ERROR_CODE_DOUBLED = Finding(X86_QEMU, ("7.2.22",), "do_interrupt64 pushes vector * 16 + 2 as the error code "
                                                         "of a fault that names an IDT gate, not the SDM's vector * 8 + 2",
                                 fixed=(10, 0), fixed_seen="10.0.13")

# The C toolchains (tools/toolchains.py): "clang" is every LLVM C compiler
# entry, clang-14, clang-19, clang-22 and zig cc (whose version is its
# clang's), each asked for its own version. tests/qemu/test_probes.py finds
# the first three in the kernel's probes; tests/elf/test_llvm_findings.py
# holds the last two with the reproducers in tests/reproducers/.
CLANG = "clang"
LLVM_26851 = Finding(
    CLANG, ("14.0.6", "19.1.7", "22.1.8"),
    "calls from an `interrupt` function of the error-code shape with RSP 8 bytes off a multiple of 16: it "
    "pushes one dummy word too many (the alignment bug of LLVM #26851, rust-lang/rust #40180)")
ABORT_CLOBBERS = Finding(
    CLANG, ("14.0.6", "19.1.7", "22.1.8"),
    "sets panic()'s arguments (r0-r2) between the conditional pop and the conditional return of an "
    "interrupt(\"ABORT\") function: the resumed code gets them back")
NOCSR_TAIL_CALL = Finding(
    CLANG, ("14.0.6", "19.1.7"),
    "tail-calls from a no_caller_saved_registers function and restores the registers it saved after loading "
    "the call's arguments, so the callee gets the caller's rcx, rdx, r8, r9 (LLVM #97758; fixed by "
    "llvm/llvm-project#112098)", fixed=(22, 1), fixed_seen="22.1.8")
LLVM_FIQ_RETURN_FIRST = Finding(
    CLANG, ("14.0.6", "19.1.7", "22.1.8"),
    "an interrupt(\"FIQ\") function with \"frame-pointer\"=\"none\" and no alignstack returns "
    "(`subs pc, lr, #4`) before its body (LLVM IR; clang's C path adds alignstack and a frame pointer)")
LLVM_26851_SSE = Finding(
    CLANG, ("14.0.6", "19.1.7", "22.1.8"),
    "in the SSE variant's error-code shape (kernel/x86_64/sse/), the misaligned call of LLVM #26851 puts the "
    "called function's aligned xmm saves (movaps) 8 bytes off a multiple of 16: #GP inside the #GP handler, "
    "then #DF; the handler's own xmm saves, at its realigned RBP, are aligned")
GCC_NO_SSE_ISR = Finding(
    "gcc", ("12.2.0",),
    "refuses SSE code in an x86 interrupt function: \"sorry, unimplemented: SSE instructions aren't allowed in "
    "an interrupt service routine\" (the SSE variant has no gcc kernel)")

# mspdebug's simulator (tests/qemu/test_msp430_interrupts.py). simio_device.h puts IFG1 at 0x0001
# (SIMIO_IFG1), where the F1xx parts (the F1611 here) have IE2; their IFG1 is at 0x0002 (SLAU049).
MSPDEBUG = "mspdebug"
NMI_FLAG_AT_IE2 = Finding(MSPDEBUG, ("0.22", "0.25"), "the sim's watchdog reads NMIIFG from 0x0001 (the F1611's IE2), "
                                                      "not IFG1 at 0x0002, so NMIIFG set by software raises no NMI "
                                                      "(the RST/NMI pin's edge does)")


@dataclass(frozen=True)
class LanguageFinding(Finding):
    """A finding of a handler language's compiler, tool "zig" or "rust": its
    version is asked as tools/handler_langs.py asks it (PyPI's ziglang in the
    venv, Debian's /usr/bin/rustc), not from a command on PATH."""

    def installed(self):
        from tools import handler_langs
        try:
            return versions.parse(handler_langs.version(self.tool))
        except handler_langs.LanguageMissing:
            return None

    def reason(self):
        said = f"{self.tool} {', '.join(self.seen)}: {self.what}"
        if self.fixed:
            said += f"; fixed in {self.tool} {versions.dotted(self.fixed)} (seen on {self.fixed_seen})"
        return f"{said}; installed: {self.tool} {versions.dotted(self.installed())}"


# Zig's own interrupt conventions (tests/elf/test_zig_findings.py; the reproducers in tests/reproducers/).
ZIG_FIQ_RETURN_FIRST = LanguageFinding(
    "zig", ("0.17.1",), "an arm_interrupt(.fiq) function built without a frame pointer (ReleaseSmall's default) "
                        "returns (`subs pc, lr, #4`) before its body: LLVM schedules the return of a FIQ "
                        "function that has no frame pointer and no alignstack first (llc 14 and 22 alike)")
ZIG_FRAME_WRITE_DROPPED = LanguageFinding(
    "zig", ("0.17.1",), "an x86_64_interrupt function gets its *Frame as a copy, so a write through it (the saved "
                        "RIP moved past a faulting instruction) is dropped: the handler compiles to push rbp, pop "
                        "rbp, iretq")

# zig cc, the C compiler of the same Zig (tests/elf/test_llvm_findings.py; isr/arch_x86_64/toolchains.py
# spells the kernel's flags for it instead).
ZIG_CC_KEEPS_SSE = LanguageFinding(
    "zig", ("0.17.1",), "`zig cc -mgeneral-regs-only -mno-sse` for x86_64-freestanding still emits SSE code: "
                        "it passes no -mgeneral-regs-only to its clang and -mno-sse alone leaves SSE2 on, so a "
                        "no_caller_saved_registers function saves xmm0-15 with movaps; for aarch64 too, "
                        "-mgeneral-regs-only is dropped and structs are copied through q registers")

# LLVM's x86 interrupt convention in the error-code shape, through Zig and Rust
# (tests/elf/test_x86_error_code_alignment.py): one dummy word too many before
# a call, as clang 14's C (tests/qemu/test_probes.py; LLVM #26851, rust-lang/rust #40180).
ERROR_CODE_CALL_MISALIGNED = (
    "an x86_64 interrupt function of the error-code shape calls with RSP 8 bytes off a multiple of 16: it "
    "pushes one dummy word too many (LLVM #26851, rust-lang/rust #40180)")
ZIG_ERROR_CODE_CALL_MISALIGNED = LanguageFinding("zig", ("0.17.1",), ERROR_CODE_CALL_MISALIGNED)
RUST_ERROR_CODE_CALL_MISALIGNED = LanguageFinding("rust", ("1.96.0",), ERROR_CODE_CALL_MISALIGNED)
