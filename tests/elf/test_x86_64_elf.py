"""Checks on the linked x86_64 kernel: what --gc-sections kept and what the table points at."""
import json
import subprocess

import pytest

from isr.generate import generate
from tests.elf import artifacts
from tools import toolchain
from tools.check_elf import check
from tools.elf_symbols import Image

from tests.elf.artifacts import compile_generated, gen_dir, hand_written_objects, point_elsewhere, run_check_command
from tests.facts import first_bound, free_software_vectors, spec_problem_prefix, table_symbol

ARCH = "x86_64"


def test_built_kernel_passes_the_check(x86_64_kernel):
    assert check(x86_64_kernel, gen_dir(ARCH) / "manifest.json") == []


def test_check_command_exits_zero(x86_64_kernel):
    assert artifacts.check_summary("x86_64") in run_check_command(ARCH, x86_64_kernel)


def test_every_spec_handler_is_a_function_in_executable_code(x86_64_kernel):
    image = Image(x86_64_kernel)
    manifest = json.loads((gen_dir(ARCH) / "manifest.json").read_text())
    for slot in manifest["vectors"]:
        for name in {slot["entry"], slot["handler"]}:
            symbol = image.symbols[name]
            assert symbol.kind == "STT_FUNC" and symbol.executable, name


def test_pvh_note_names_the_32_bit_entry(x86_64_kernel):
    image = Image(x86_64_kernel)
    note = next(s for s in image.sections if s[0] == ".note.pvh")
    data = note[5]
    namesz, descsz, kind = (int.from_bytes(data[i:i + 4], "little") for i in (0, 4, 8))
    assert (namesz, descsz, kind, data[12:16]) == (4, 4, 18, b"Xen\0")
    assert int.from_bytes(data[16:20], "little") == image.symbols["pvh_start32"].address


def test_tables_are_aligned(x86_64_kernel):
    image = Image(x86_64_kernel)
    assert image.symbols["__isr_table_start"].address % 16 == 0
    assert image.symbols["idt"].address % 16 == 0


def test_check_fails_when_the_keep_fragment_is_missing(x86_64_kernel, tmp_path):
    """Link the same objects with keep.ld minus its KEEPs: --gc-sections drops the
    table and every handler that only the table names, and the check says which."""
    generate(ARCH, "isr/x86_64.py", tmp_path, keep=False)
    elf = tmp_path / "kernel.elf"
    assert toolchain.link(ARCH, hand_written_objects(ARCH) + compile_generated(ARCH, tmp_path), elf, tmp_path)
    problems = check(elf, tmp_path / "manifest.json")
    assert any("idt-source table is 0 bytes, the manifest expects 4096" in p for p in problems)
    stub, abi = first_bound(ARCH, "stub", ("exception",)), first_bound(ARCH, "abi")
    assert any(p.startswith(spec_problem_prefix(stub)) and f"entry {stub['entry']} is not in the ELF" in p
               for p in problems)
    assert any(p.startswith(spec_problem_prefix(abi)) and f"entry {abi['entry']} is not in the ELF" in p
               for p in problems)
    assert stub["handler"] not in Image(elf).symbols


def test_check_names_a_table_entry_that_points_elsewhere(x86_64_kernel, tmp_path):
    manifest = json.loads((gen_dir(ARCH) / "manifest.json").read_text())
    first, other = [s for s in manifest["vectors"] if s["style"] == "abi"][:2]
    table_word = table_symbol(first)
    point_elsewhere(first, other)              # the table really holds the first one's own
    wrong = tmp_path / "manifest.json"
    wrong.write_text(json.dumps(manifest))
    problem, = check(x86_64_kernel, wrong)
    assert problem.startswith(f"vector {first['vector']} ({first['name']}): ")
    assert f"({table_word}), the manifest names {table_symbol(other)}" in problem


def test_link_fails_naming_the_spec_line_of_an_undefined_handler(x86_64_kernel, tmp_path):
    vector = free_software_vectors(ARCH)[0]             # one the user's spec leaves free
    added = f'    interrupt({vector}, "on_nowhere", style="abi"),'
    spec = tmp_path / "spec.py"
    spec.write_text((toolchain.ROOT / "isr" / "x86_64.py").read_text().replace("VECTORS = [", "VECTORS = [\n" + added))
    generate(ARCH, spec, tmp_path)
    command = ["ld.lld", "--gc-sections", "-L", str(tmp_path), "-T", str(toolchain.linker_script(ARCH)),
               "-o", str(tmp_path / "kernel.elf")]
    objects = [str(o) for o in hand_written_objects(ARCH) + compile_generated(ARCH, tmp_path)]
    result = subprocess.run(command + objects, capture_output=True, text=True)
    assert result.returncode != 0
    line = spec.read_text().splitlines().index(added) + 1
    assert "undefined symbol: on_nowhere" in result.stderr
    assert (f"{spec}:{line}: vector {vector} (SW): handler on_nowhere is named by the spec but defined "
            f"nowhere; define it with the prototype in gen/isr.h") in result.stderr


@pytest.mark.parametrize("symbol", ["kmain", "recovery_resume", "pvh_start32"])
def test_symbols_only_assembly_or_the_cpu_reach_survive_gc(x86_64_kernel, symbol):
    assert Image(x86_64_kernel).symbols[symbol].executable
