"""Checks on the linked aarch64 kernel: the VBAR_EL1 table, the GIC table, what --gc-sections kept."""
import json
import struct

import pytest

from isr.generate import generate
from tests.elf import artifacts
from tools import toolchain
from tools.check_elf import check
from tools.elf_symbols import Image

from tests.elf.artifacts import compile_generated, gen_dir, hand_written_objects, point_elsewhere, run_check_command
from tests.facts import table_symbol

ARCH = "aarch64"


def manifest():
    return json.loads((gen_dir(ARCH) / "manifest.json").read_text())


def link_variant(out):
    """Link the hand-written objects with the generated sources of a variant gen/ in out."""
    elf = out / "kernel.elf"
    assert toolchain.link(ARCH, hand_written_objects(ARCH) + compile_generated(ARCH, out), elf, out)
    return elf


def test_built_kernel_passes_the_check(aarch64_kernel):
    assert check(aarch64_kernel, gen_dir(ARCH) / "manifest.json") == []


def test_check_command_exits_zero(aarch64_kernel):
    assert artifacts.check_summary("aarch64") in run_check_command(ARCH, aarch64_kernel)


def test_vbar_table_is_2k_aligned_and_2k_long(aarch64_kernel):
    symbols = Image(aarch64_kernel).symbols
    start, end = symbols["__isr_table_start"].address, symbols["__isr_table_end"].address
    assert start % 2048 == 0 and end - start == 2048


def test_each_vbar_entry_branches_to_the_manifest_entry(aarch64_kernel):
    """Decode the B at the start of each 0x80-byte entry by hand, independently of the checker."""
    image = Image(aarch64_kernel)
    base = image.symbols["__isr_table_start"].address
    for slot in manifest()["vectors"][:16]:
        address = base + 0x80 * slot["vector"]
        insn, = struct.unpack("<I", image.read(address, 4))
        assert insn >> 26 == 0b000101, f"entry {slot['vector']} is not a B"
        offset = (insn & 0x03FFFFFF) - ((insn & 0x02000000) << 1)
        assert address + 4 * offset == image.symbols[table_symbol(slot)].address, slot["name"]


def test_gic_table_lists_the_spec_priorities(aarch64_kernel):
    image = Image(aarch64_kernel)
    base = image.symbols["__isr_gic_table_start"].address
    entry, priority, enabled, intid, _ = struct.unpack("<QBBHI", image.read(base + 16 * 30, 16))
    assert (entry, priority, enabled, intid) == (image.symbols["on_timer_tick"].address, 0x80, 1, 30)
    _, priority, enabled, intid, _ = struct.unpack("<QBBHI", image.read(base + 16 * 1, 16))
    assert (priority, enabled, intid) == (0xa0, 1, 1)


def test_entry_point_is_start_in_ram(aarch64_kernel):
    image = Image(aarch64_kernel)
    assert image.symbols["_start"].address == 0x40200000     # 2 MiB into virt's RAM at 0x40000000


def test_check_fails_when_the_keep_fragment_is_missing(aarch64_kernel, tmp_path):
    """Without KEEP, --gc-sections drops both tables and every handler only they name."""
    generate(ARCH, "isr/aarch64.py", tmp_path, keep=False)
    elf = link_variant(tmp_path)
    problems = check(elf, tmp_path / "manifest.json")
    assert any("vbar table is 0 bytes, the manifest expects 2048" in p for p in problems)
    assert any("gic table is 0 bytes, the manifest expects 1024" in p for p in problems)
    assert any(p.startswith("vector 4 (EL1H_SYNC): isr/aarch64.py:") and
               "entry isr_stub_4 is not in the ELF" in p for p in problems)
    assert any(p.startswith("vector 46 (PPI30): ") and "entry on_timer_tick is not in the ELF" in p
               for p in problems)
    assert "on_sync" not in Image(elf).symbols


def test_check_names_a_vbar_entry_that_branches_elsewhere(aarch64_kernel, tmp_path):
    wrong = manifest()
    here, there = wrong["vectors"][4], wrong["vectors"][0]     # the table really branches to vector 4's own
    point_elsewhere(here, there)
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(wrong))
    problem, = check(aarch64_kernel, path)
    assert problem.startswith("vector 4 (EL1H_SYNC): ")
    assert f"the manifest names {table_symbol(there)}" in problem


def test_check_names_a_gic_priority_that_differs(aarch64_kernel, tmp_path):
    wrong = manifest()
    wrong["vectors"][46]["table_entry"]["priority"] = 0x40
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(wrong))
    problem, = check(aarch64_kernel, path)
    assert problem.startswith("vector 46 (PPI30): ") and "table priority is 128, the spec implies 64" in problem


@pytest.mark.parametrize("symbol", ["kmain", "recovery_resume", "_start", "sp0_sync_entry", "sgi_naked_entry"])
def test_symbols_only_assembly_or_the_cpu_reach_survive_gc(aarch64_kernel, symbol):
    assert Image(aarch64_kernel).symbols[symbol].executable
