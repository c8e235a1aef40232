"""Checks on the linked cortex-m kernel: the vector table is linker data at 0, and every word is
the Thumb address of the symbol the manifest names; without KEEP the check fails."""
import json
import struct
import subprocess
import sys

import pytest

from isr.generate import generate
from tools import toolchain
from tools.check_elf import check
from tools.elf_symbols import Image

from tests.elf import artifacts
from tests.elf.artifacts import point_elsewhere
from tests.facts import table_symbol

ARCH = "cortex-m"
SPEC = "isr/cortex-m.py"


def gen_dir():
    return artifacts.gen_dir(ARCH)


def manifest():
    return json.loads((gen_dir() / "manifest.json").read_text())


def hand_written_objects():
    return artifacts.hand_written_objects(ARCH)


def compile_generated(out):
    return artifacts.compile_generated(ARCH, out)


def table_words(image):
    data = image.read(image.symbols["__isr_table_start"].address, 48 * 4)
    return list(struct.unpack("<48I", data))


def test_built_kernel_passes_the_check(cortex_m_kernel):
    assert check(cortex_m_kernel, gen_dir() / "manifest.json") == []


def test_check_command_exits_zero(cortex_m_kernel):
    result = subprocess.run([sys.executable, "-m", "tools.check_elf", str(cortex_m_kernel),
                             str(gen_dir() / "manifest.json")], capture_output=True, text=True,
                            cwd=toolchain.ROOT)
    assert result.returncode == 0, result.stderr
    assert artifacts.check_summary("cortex-m") in result.stdout


def test_table_sits_at_address_0_and_starts_with_the_stack_top(cortex_m_kernel):
    image = Image(cortex_m_kernel)
    assert image.symbols["__isr_table_start"].address == 0
    assert image.symbols["__isr_table_end"].address == 48 * 4
    words = table_words(image)
    assert words[0] == image.symbols["__stack_top"].address
    assert words[0] % 8 == 0 and 0x20000000 <= words[0] < 0x20400000      # in SSRAM2/3, AAPCS-aligned


def test_every_word_is_the_thumb_address_of_the_manifest_symbol(cortex_m_kernel):
    """The proof check-cortex-m makes, spelled out: bit 0 set, and the word equals
    the symbol's value (a Thumb function symbol carries bit 0 too)."""
    image = Image(cortex_m_kernel)
    words = table_words(image)
    for slot in manifest()["vectors"]:
        word, symbol = words[slot["vector"]], image.symbols[table_symbol(slot)]
        assert word & 1, f"vector {slot['vector']}: word 0x{word:x} lacks the Thumb bit"
        assert word == symbol.address, f"vector {slot['vector']}: 0x{word:x} is not {slot['entry']}"
        assert symbol.kind == "STT_FUNC" and symbol.executable


def test_defaults_are_weak_aliases_of_one_entry(cortex_m_kernel):
    image = Image(cortex_m_kernel)
    entry = image.symbols["isr_default_entry"].address
    defaults = [s for s in manifest()["vectors"] if s["style"] == "default"]
    assert defaults and all(image.symbols[s["entry"]].address == entry for s in defaults)


def test_check_catches_a_word_without_the_thumb_bit(cortex_m_kernel, tmp_path):
    wrong = manifest()
    wrong["vectors"][14]["table_entry"] = {"thumb": 0}      # vector 15, SysTick
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(wrong))
    problem, = check(cortex_m_kernel, path)
    assert problem.startswith("vector 15 (SysTick): isr/cortex-m.py:") and "table thumb is 1" in problem


def test_check_names_a_table_entry_that_points_elsewhere(cortex_m_kernel, tmp_path):
    wrong = manifest()
    point_elsewhere(wrong["vectors"][5], wrong["vectors"][1])      # word 6 really holds UsageFault's own
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(wrong))
    problem, = check(cortex_m_kernel, path)
    assert problem.startswith("vector 6 (UsageFault): ")
    assert f"the manifest names {table_symbol(wrong['vectors'][1])}" in problem


def test_check_names_a_wrong_initial_stack_pointer(cortex_m_kernel, tmp_path):
    wrong = manifest()
    wrong["tables"][0]["fixed"] = {"0": "__bss_start"}
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(wrong))
    problem, = check(cortex_m_kernel, path)
    assert problem.startswith("table word 0 is 0x") and "the manifest names __bss_start" in problem


def test_check_fails_when_the_keep_fragment_is_missing(cortex_m_kernel, tmp_path):
    """Same objects, keep.ld without its KEEPs: --gc-sections drops the table and
    every abi handler only it names, and the check says which. (The stubs stay:
    vectors.c refers to isr_default_entry, which shares their section.)"""
    generate(ARCH, SPEC, tmp_path, keep=False)
    elf = tmp_path / "kernel.elf"
    assert toolchain.link(ARCH, hand_written_objects() + compile_generated(tmp_path), elf, tmp_path)
    problems = check(elf, tmp_path / "manifest.json")
    assert any(p.startswith("vector table is 0 bytes, the manifest expects 192") for p in problems)
    assert "table word 0: __stack_top or the word itself is missing from the ELF" in problems
    assert any(p.startswith("vector 3 (HardFault): isr/cortex-m.py:") and "no table entry" in p
               for p in problems)
    for vector, name, symbol in [(6, "UsageFault", "on_usage_fault"), (15, "SysTick", "on_systick")]:
        assert any(p.startswith(f"vector {vector} ({name}): isr/cortex-m.py:") and
                   f"entry {symbol} is not in the ELF" in p for p in problems)
        assert symbol not in Image(elf).symbols


def test_link_fails_naming_the_spec_line_of_an_undefined_handler(cortex_m_kernel, tmp_path):
    spec = tmp_path / "spec.py"
    added = '    irq(30, "on_nowhere", style="abi"),'
    spec.write_text((toolchain.ROOT / SPEC).read_text().replace("VECTORS = [", "VECTORS = [\n" + added))
    generate(ARCH, spec, tmp_path)
    command = ["ld.lld", "--gc-sections", "-L", str(tmp_path), "-T", str(toolchain.linker_script(ARCH)),
               "-o", str(tmp_path / "kernel.elf")]
    result = subprocess.run(command + [str(o) for o in hand_written_objects() + compile_generated(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode != 0
    line = spec.read_text().splitlines().index(added) + 1
    assert "undefined symbol: on_nowhere" in result.stderr
    assert (f"{spec}:{line}: vector 46 (IRQ30): handler on_nowhere is named by the spec but defined "
            f"nowhere; define it with the prototype in gen/isr.h") in result.stderr


def test_a_strong_definition_overrides_a_weak_default(cortex_m_kernel, tmp_path):
    """isr_default_14 (PendSV) is weak: a C file that defines it is where the word's guard goes."""
    source = tmp_path / "pendsv.c"
    source.write_text("void isr_default_14(void);\nvoid isr_default_14(void)\n{\n}\n")
    obj = tmp_path / "pendsv.o"
    assert toolchain.compile_one(ARCH, source, obj, gen_dir())
    keep = tmp_path / "gen"
    generate(ARCH, SPEC, keep)
    elf = tmp_path / "kernel.elf"
    assert toolchain.link(ARCH, hand_written_objects() + compile_generated(keep) + [obj], elf, keep)
    image = Image(elf)
    assert table_words(image)[14] == image.symbols["isr_guard_14"].address
    assert image.symbols["isr_default_14"].address != image.symbols["isr_default_entry"].address
    assert check(elf, keep / "manifest.json") == []        # which proves the guard goes to the strong one


@pytest.mark.parametrize("symbol", ["kmain", "recovery_resume", "reset_entry", "__aeabi_uldivmod"])
def test_symbols_only_assembly_or_the_cpu_reach_survive_gc(cortex_m_kernel, symbol):
    assert Image(cortex_m_kernel).symbols[symbol].executable
