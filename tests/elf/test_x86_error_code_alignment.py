"""The x86_64 error-code shape through Zig and Rust: does a handler that
calls a function keep RSP a multiple of 16 at the call? Read from the
disassembly of tests/reproducers/x86_error_code_call.{zig,rs}, built as the
kernel builds each language's handlers (tools/handler_langs.py): from entry
(RSP a multiple of 16, after the CPU's six words), every push and every
immediate RSP adjustment up to the call. A strict xfail keyed by the
compiler's version while it has LLVM #26851 (tools/findings.py)."""
import re
import subprocess

import pytest

from tools import handler_langs
from tools.findings import RUST_ERROR_CODE_CALL_MISALIGNED, ZIG_ERROR_CODE_CALL_MISALIGNED

REPRODUCER = handler_langs.ROOT / "tests" / "reproducers" / "x86_error_code_call"


def build(lang, tmp_path):
    obj = tmp_path / f"error_code_call.{lang}.o"
    source = REPRODUCER.with_suffix(".zig" if lang == "zig" else ".rs")
    try:
        argv = handler_langs.compile_command("x86_64", lang, source, obj)
    except handler_langs.LanguageMissing as error:
        pytest.fail(str(error))
    env = {**handler_langs.os.environ, **handler_langs.RUST_ENV, "ZIG_GLOBAL_CACHE_DIR": str(tmp_path / "cache"),
           "ZIG_LOCAL_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(argv, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{lang} rejects {source.name}:\n{result.stderr}"
    return obj


def misalignment_at_call(obj):
    """RSP modulo 16 at the handler's first call, counting from its entry."""
    listing = subprocess.run(["llvm-objdump", "-d", "--no-show-raw-insn", "--disassemble-symbols=error_code_handler",
                              str(obj)], capture_output=True, text=True, check=True).stdout
    depth = 0
    for mnemonic, operands in re.findall(r"^[ \t]+[0-9a-f]+:[ \t]+(\S+)[ \t]*(.*)$", listing, re.M):
        if mnemonic == "callq":
            return depth % 16
        if mnemonic.startswith("push"):
            depth += 8
        elif mnemonic.startswith("pop"):
            depth -= 8
        elif mnemonic in ("subq", "addq") and operands.endswith("%rsp"):
            amount = int(re.match(r"\$(-?(?:0x)?[0-9a-f]+)", operands)[1], 0)
            depth += amount if mnemonic == "subq" else -amount
    pytest.fail(f"no call in the handler:\n{listing}")


@ZIG_ERROR_CODE_CALL_MISALIGNED.xfail(raises=AssertionError)
def test_a_zig_error_code_handler_calls_with_the_stack_aligned(tmp_path):
    assert misalignment_at_call(build("zig", tmp_path)) == 0


@RUST_ERROR_CODE_CALL_MISALIGNED.xfail(raises=AssertionError)
def test_a_rust_error_code_handler_calls_with_the_stack_aligned(tmp_path):
    assert misalignment_at_call(build("rust", tmp_path)) == 0
