"""What the LLVM C toolchains get wrong in interrupt code, from the assembly
of the reproducers in tests/reproducers/, per toolchain of tools/toolchains.py
that is installed here: each a strict xfail on a version that has it
(tools/findings.py), the right behaviour asserted on one that does not.

Compile-time only: no kernel, no QEMU. The probes find the rest in the
kernels themselves (tests/qemu/test_probes.py)."""
import re
import subprocess

import pytest

from tools import toolchains
from tools.findings import LLVM_FIQ_RETURN_FIRST, NOCSR_TAIL_CALL, ZIG_CC_KEEPS_SSE

REPRODUCERS = toolchains.ROOT / "tests" / "reproducers"
ARGUMENT_REGISTERS = {"rdi", "rsi", "rdx", "rcx", "r8", "r9"}


def installed(family, arch):
    """(entry, its version) of every toolchain of the family that exists for arch here."""
    return [(e, e.version(arch)) for e, missing in toolchains.for_arch(arch)
            if missing is None and e.family == family]


def each(finding, family, arch):
    """One parameter per installed toolchain of the family, a strict xfail where its version has finding."""
    return [pytest.param(e, arch, id=e.name, marks=finding.xfail_for(e.name, version))
            for e, version in installed(family, arch)]


def assembly(entry, arch, source, flags, tmp_path):
    """The instructions entry makes of source for arch: [(mnemonic, operands)], labels and directives left out."""
    out = tmp_path / f"{source.stem}.s"
    argv = entry.argv(arch) + flags + ["-O2", "-S", str(source), "-o", str(out)]
    result = subprocess.run(argv, capture_output=True, text=True)
    assert result.returncode == 0, f"{entry.name} rejects {source.name} ({' '.join(argv)}):\n{result.stderr}"
    code = []
    for line in out.read_text().splitlines():
        line = line.split("#")[0].split("@")[0].strip()
        if line and not line.endswith(":") and not line.startswith("."):
            code.append(tuple((line.split(None, 1) + [""])[:2]))
    return code


def test_every_llvm_toolchain_this_machine_can_have_is_here():
    """The findings below are asked of each LLVM toolchain: one that is missing
    would go unasked. tools/setup installs them."""
    missing = [why for e, why in toolchains.for_arch("x86_64") if why and e.family in ("clang", "zig-cc")
               and toolchains.installable(e)]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("entry, arch", each(NOCSR_TAIL_CALL, "clang", "x86_64"))
def test_a_no_caller_saved_registers_function_passes_its_tail_calls_arguments(entry, arch, tmp_path):
    code = assembly(entry, arch, REPRODUCERS / "nocsr_tail_call.c", [], tmp_path)
    jumps = [i for i, (mnemonic, operands) in enumerate(code) if mnemonic == "jmp" and operands.startswith("report")]
    calls = [i for i, (mnemonic, operands) in enumerate(code) if mnemonic.startswith("call") and "take" in operands]
    assert calls, f"no call to take():\n{code}"
    if not jumps:
        return          # no tail call: the epilogue comes after report() returns
    restored = [operands for mnemonic, operands in code[calls[0]:jumps[0]]
                if mnemonic.startswith("pop") and operands.lstrip("%") in ARGUMENT_REGISTERS]
    assert not restored, f"{entry.name} restores {restored} after loading report()'s arguments:\n{code}"


@pytest.mark.parametrize("entry, arch", each(LLVM_FIQ_RETURN_FIRST, "clang", "arm32"))
def test_an_llvm_ir_fiq_handler_returns_after_its_body(entry, arch, tmp_path):
    code = assembly(entry, arch, REPRODUCERS / "llvm_arm_fiq.ll", ["-x", "ir", "-Wno-override-module"], tmp_path)
    returns = [i for i, (mnemonic, operands) in enumerate(code) if mnemonic == "subs" and operands.startswith("pc")]
    stores = [i for i, (mnemonic, _) in enumerate(code) if mnemonic.startswith("str")]
    assert returns and stores, f"no return or no store in the FIQ handler:\n{code}"
    assert returns[-1] > stores[-1], f"{entry.name}: the FIQ handler returns before its store:\n{code}"


def zig_cc(arch):
    """The zig-cc entry and its command for arch; the test fails saying what to install where it is missing."""
    entry = toolchains.entry("zig-cc")
    try:
        return entry, entry.command(arch)
    except toolchains.ToolchainMissing as error:
        pytest.fail(str(error))


def vector_registers_in(argv, tmp_path, source="zig_cc_sse.c", register=r"%xmm\d+"):
    """The instructions naming a vector register that argv (up to the file names)
    makes of a reproducer, as llvm-objdump lists them."""
    source = REPRODUCERS / source
    obj = tmp_path / f"{source.stem}.o"
    result = subprocess.run(argv + ["-O2", "-c", str(source), "-o", str(obj)], capture_output=True, text=True)
    assert result.returncode == 0, f"zig cc rejects {source.name} ({' '.join(argv)}):\n{result.stderr}"
    listing = subprocess.run(["llvm-objdump", "-d", "--no-show-raw-insn", str(obj)], capture_output=True, text=True,
                             check=True).stdout
    return [line.strip() for line in listing.splitlines() if re.search(register, line)]


def sse_in(argv, tmp_path):
    return vector_registers_in(argv, tmp_path)


SIMD = dict(source="zig_cc_simd_copy.c", register=r"\bq\d+\b")


@ZIG_CC_KEEPS_SSE.xfail()
def test_zig_cc_with_general_registers_only_emits_no_sse(tmp_path):
    _, command = zig_cc("x86_64")
    found = sse_in(command + ["-target", "x86_64-freestanding-none", "-mgeneral-regs-only", "-mno-sse"], tmp_path)
    assert not found, f"SSE code with -mgeneral-regs-only -mno-sse: {found}"


def test_the_kernels_zig_cc_flags_turn_sse_off(tmp_path):
    """The arch's zig-cc facts spell the kernel's flags so that zig cc makes no SSE code."""
    entry, _ = zig_cc("x86_64")
    found = sse_in(entry.argv("x86_64"), tmp_path)
    assert not found, f"SSE code with the kernel's zig-cc flags {entry.argv('x86_64')}: {found}"


@ZIG_CC_KEEPS_SSE.xfail()
def test_zig_cc_with_general_registers_only_emits_no_aarch64_simd(tmp_path):
    _, command = zig_cc("aarch64")
    found = vector_registers_in(command + ["-target", "aarch64-freestanding-none", "-mgeneral-regs-only"], tmp_path,
                                **SIMD)
    assert not found, f"SIMD registers with -mgeneral-regs-only: {found}"


def test_the_kernels_zig_cc_flags_turn_aarch64_simd_off(tmp_path):
    entry, _ = zig_cc("aarch64")
    found = vector_registers_in(entry.argv("aarch64"), tmp_path, **SIMD)
    assert not found, f"SIMD registers with the kernel's zig-cc flags {entry.argv('aarch64')}: {found}"
