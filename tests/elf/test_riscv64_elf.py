"""Checks on the linked riscv64 kernel: what --gc-sections kept and what the mtvec table points at."""
import json
import subprocess
import sys

import pytest

from isr.generate import generate
from tests.elf import artifacts
from tools import toolchain
from tools.check_elf import check
from tools.elf_symbols import Image

from tests.elf.artifacts import point_elsewhere
from tests.facts import bound, first_bound, spec_problem_prefix, table_symbol

ARCH = "riscv64"


@pytest.fixture(scope="module")
def elf(kernel):
    return kernel(ARCH)


def gen_dir():
    return toolchain.build_dir(ARCH) / "gen"


def test_built_kernel_passes_the_check(elf):
    assert check(elf, gen_dir() / "manifest.json") == []


def test_check_command_exits_zero(elf):
    result = subprocess.run([sys.executable, "-m", "tools.check_elf", str(elf), str(gen_dir() / "manifest.json")],
                            capture_output=True, text=True, cwd=toolchain.ROOT)
    assert result.returncode == 0, result.stderr
    assert artifacts.check_summary("riscv64") in result.stdout


def test_entry_is_the_start_of_ram(elf):
    """QEMU virt with -bios none starts the hart at the ELF entry; RAM begins at 0x80000000."""
    image = Image(elf)
    assert image.symbols["_start"].address == 0x80000000


def test_table_alignment_and_size(elf):
    image = Image(elf)
    start, end = image.symbols["__isr_table_start"].address, image.symbols["__isr_table_end"].address
    assert start % 64 == 0 and start % 4 == 0
    assert end - start == 16 * 4 + 17 * 8


def test_user_region_is_one_naturally_aligned_pmp_region(elf):
    image = Image(elf)
    start, end = image.symbols["__user_start"].address, image.symbols["__user_end"].address
    size = end - start
    assert size & (size - 1) == 0 and start % size == 0
    for task in ("user_ecall_task", "user_csr_task", "user_mem_task"):
        assert start <= image.symbols[task].address < end
    assert not start <= image.symbols["ticks"].address < end


def test_check_fails_when_the_keep_fragment_is_missing(elf, tmp_path):
    """Link the same objects with keep.ld minus its KEEPs: --gc-sections drops the
    table and every handler only it names, and the check says which."""
    generate(ARCH, "isr/riscv64.py", tmp_path, keep=False)
    objects = [toolchain.object_path(ARCH, s) for s in toolchain.sources(ARCH)]
    for name in toolchain.GENERATED_SOURCES:
        obj = tmp_path / "obj" / f"{name}.o"
        assert toolchain.compile_one(ARCH, tmp_path / name, obj, tmp_path)
        objects.append(obj)
    variant = tmp_path / "kernel.elf"
    assert toolchain.link(ARCH, objects, variant, tmp_path)
    problems = check(variant, tmp_path / "manifest.json")
    assert any("mtvec table is 0 bytes, the manifest expects 200" in p for p in problems)
    for s in (first_bound(ARCH, "abi", ("irq",)), first_bound(ARCH, "stub", ("exception",))):
        assert any(p.startswith(spec_problem_prefix(s)) and f"entry {s['entry']} is not in the ELF" in p
                   for p in problems), s
    assert first_bound(ARCH, "stub", ("irq",))["handler"] not in Image(variant).symbols


def test_check_names_a_slot_that_points_elsewhere(elf, tmp_path):
    manifest = json.loads((gen_dir() / "manifest.json").read_text())
    irq, other = [s for s in manifest["vectors"] if s["kind"] == "irq" and s["style"] in ("abi", "naked")][:2]
    table_word = table_symbol(irq)
    point_elsewhere(irq, other)             # the slot really jumps to its own
    wrong = tmp_path / "manifest.json"
    wrong.write_text(json.dumps(manifest))
    problem, = check(elf, wrong)
    assert problem.startswith(f"vector {irq['vector']} ({irq['name']}): ")
    assert f"({table_word}), the manifest names {table_symbol(other)}" in problem


@pytest.mark.parametrize("symbol", ["_start", "kmain", "recovery_resume", "isr_exception_dispatch"])
def test_symbols_only_assembly_or_the_hart_reach_survive_gc(elf, symbol):
    assert Image(elf).symbols[symbol].executable


def test_naked_entries_the_spec_binds_survive_gc(elf):
    image = Image(elf)
    for s in bound(ARCH):
        if s["style"] == "naked":
            assert image.symbols[s["entry"]].executable, s["entry"]
