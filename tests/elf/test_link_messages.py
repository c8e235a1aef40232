"""The linker's messages reach the user once each (tools/toolchain.py link).

lld 14 evaluates each linker-script ASSERT more than once and prints its
failure as often (llvm/llvm-project#87535): a student met "defined nowhere" twice.
"""
import pytest
from elftools.elf.elffile import ELFFile

from isr.generate import generate
from tools import toolchain

from tests.elf.artifacts import compile_generated, hand_written_objects

ARCH = "riscv64"
DROPPED = "recovery_resume"     # linker/riscv64.ld ASSERTs it is DEFINED


def _defines(obj, name):
    with open(obj, "rb") as f:
        symtab = ELFFile(f).get_section_by_name(".symtab")
        return any(s.name == name and s["st_shndx"] != "SHN_UNDEF" for s in symtab.iter_symbols())


def test_a_failed_assert_is_printed_once(kernel, tmp_path, capfd):
    kernel(ARCH)
    generate(ARCH, f"isr/{ARCH}.py", tmp_path)
    objects = [o for o in hand_written_objects(ARCH) if not _defines(o, DROPPED)]
    assert len(objects) == len(hand_written_objects(ARCH)) - 1
    generated = compile_generated(ARCH, tmp_path)
    capfd.readouterr()
    assert not toolchain.link(ARCH, objects + generated, tmp_path / "kernel.elf", tmp_path)
    err = capfd.readouterr().err
    lines = [line for line in err.splitlines() if "defined nowhere" in line]
    assert len(lines) == 1 and DROPPED in lines[0], err
    assert not (tmp_path / "kernel.elf").exists()


def test_different_lines_and_the_order_are_kept(monkeypatch, tmp_path, capfd):
    script = "printf 'a\\nb\\na\\n\\nc\\n\\n' >&2; echo out; echo out; exit 1"
    monkeypatch.setattr(toolchain, "link_command", lambda *a: ["sh", "-c", script])
    assert not toolchain.link(ARCH, [], tmp_path / "kernel.elf", tmp_path)
    captured = capfd.readouterr()
    assert captured.err == "a\nb\n\nc\n\n" and captured.out == "out\n"
