"""What Zig's own interrupt conventions get wrong, from the disassembly of the
reproducers in tests/reproducers/, each a strict xfail while the installed
Zig has it (tools/findings.py), and what the kernel does about it: its Zig
FIQ handlers are built with the arm32 flags (a frame pointer), which are safe.

Compile-time only: no kernel, no QEMU."""
import re
import subprocess

import pytest

from isr import arches
from tools import handler_langs
from tools.findings import ZIG_FIQ_RETURN_FIRST, ZIG_FRAME_WRITE_DROPPED

REPRODUCERS = handler_langs.ROOT / "tests" / "reproducers"


def disassemble(tmp_path, source, target, flags, symbol):
    """The instructions of symbol in source built by Zig at ReleaseSmall: [(mnemonic, operands)]."""
    obj = tmp_path / f"{source.stem}.o"
    argv = handler_langs.ZIG + ["build-obj", "-target", target, "-OReleaseSmall", "-fno-unwind-tables",
                                *flags, str(source), f"-femit-bin={obj}"]
    try:
        handler_langs.zig_version()
    except handler_langs.LanguageMissing as error:
        pytest.fail(str(error))
    result = subprocess.run(argv, capture_output=True, text=True,
                            env={**handler_langs.os.environ, "ZIG_GLOBAL_CACHE_DIR": str(tmp_path / "cache"),
                                 "ZIG_LOCAL_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, f"Zig rejects {source.name} ({' '.join(argv)}):\n{result.stderr}"
    listing = subprocess.run(["llvm-objdump", "-d", "--no-show-raw-insn", f"--disassemble-symbols={symbol}",
                              str(obj)], capture_output=True, text=True, check=True).stdout
    return [tuple((m[1].split(None, 1) + [""])[:2]) for m in re.finditer(r"^[ \t]+[0-9a-f]+:[ \t]+(.+)$", listing, re.M)]


def fiq_return_is_last(tmp_path, flags):
    arm = arches.model("arm32").toolchains.TOOLCHAINS["zig"]
    code = disassemble(tmp_path, REPRODUCERS / "zig_arm_fiq.zig", arm["target"], flags, "fiq_handler")
    returns = [i for i, (mnemonic, operands) in enumerate(code) if mnemonic == "subs" and operands.startswith("pc")]
    assert returns, f"no `subs pc, lr, #4` in the FIQ handler:\n{code}"
    body = [i for i, (mnemonic, _) in enumerate(code) if mnemonic.startswith("str")]
    return returns[-1] > max(body, default=-1), code


@ZIG_FIQ_RETURN_FIRST.xfail(raises=AssertionError)
def test_a_zig_fiq_handler_returns_after_its_body_at_release_small(tmp_path):
    last, code = fiq_return_is_last(tmp_path, ["-mcpu=cortex_a15"])
    assert last, f"the FIQ handler returns before its store:\n{code}"


def test_the_kernel_builds_its_zig_fiq_handlers_so_they_return_after_their_body(tmp_path):
    """The arch's Zig flags (isr/arch_arm32/toolchains.py) keep a frame pointer, which LLVM's return placement needs."""
    flags = arches.model("arm32").toolchains.TOOLCHAINS["zig"]["flags"]
    last, code = fiq_return_is_last(tmp_path, flags)
    assert last, f"with the kernel's flags {flags}, the FIQ handler still returns first:\n{code}"


@ZIG_FRAME_WRITE_DROPPED.xfail(raises=AssertionError)
def test_a_zig_x86_interrupt_handler_writes_its_frame(tmp_path):
    x86 = arches.model("x86_64").toolchains.TOOLCHAINS["zig"]
    code = disassemble(tmp_path, REPRODUCERS / "zig_x86_frame_write.zig", x86["target"], x86["flags"],
                       "skip_two_bytes")
    assert any(m.startswith("add") and "(%r" in ops or m.startswith("mov") and ops.rstrip().endswith(")")
               for m, ops in code), f"no write to the saved RIP:\n{code}"


def test_a_zig_x86_interrupt_handler_with_a_frame_pointer_compiles(tmp_path):
    """Reported as a compiler segfault (Zig's *Frame, DESIGN.md); refuted on the installed Zig."""
    x86 = arches.model("x86_64").toolchains.TOOLCHAINS["zig"]
    code = disassemble(tmp_path, REPRODUCERS / "zig_x86_interrupt_frame.zig", x86["target"], x86["flags"],
                       "frame_error_handler")
    # llvm-objdump 14 prints the immediate in decimal ($16), 19 in hex ($0x10)
    popped = [int(ops.split(",")[0][1:], 0) for m, ops in code if m == "addq" and ops.endswith(", %rsp")
              and ops.startswith("$")]
    assert code[-1][0] == "iretq" and any(size in (8, 16) for size in popped), \
        f"the error-code handler does not pop its error code before iretq:\n{code}"
