"""Checks on the linked msp430 kernel: 64 table words at 0xFF80 that the manifest names, the
compiler's own interrupt(N) words agreeing with them, and a check that fails without KEEP."""
import json
import re
import struct
import subprocess

import pytest
from elftools.elf.elffile import ELFFile
from elftools.elf.relocation import RelocationSection

from isr import arch_msp430
from isr.generate import generate
from tools import toolchain
from tools.check_elf import check
from tools.elf_symbols import Image

from tests.elf import artifacts
from tests.facts import table_symbol

ARCH = "msp430"
SPEC = "isr/msp430.py"


@pytest.fixture(scope="module")
def elf(kernel):
    return kernel(ARCH)


def manifest():
    return json.loads((artifacts.gen_dir(ARCH) / "manifest.json").read_text())


def table_words(image):
    data = image.read(image.symbols["__isr_table_start"].address, 2 * arch_msp430.VECTOR_COUNT)
    return list(struct.unpack(f"<{arch_msp430.VECTOR_COUNT}H", data))


def test_built_kernel_passes_the_check(elf):
    assert check(elf, artifacts.gen_dir(ARCH) / "manifest.json") == []
    vectors = manifest()["vectors"]
    bound = sum(1 for s in vectors if s["style"] != "default")
    assert f"{len(vectors)} table entries and {bound} spec handlers check out" in artifacts.run_check_command(ARCH, elf)


def test_table_is_the_top_128_bytes_with_reset_last(elf):
    image = Image(elf)
    assert image.symbols["__isr_table_start"].address == 0xFF80
    assert image.symbols["__isr_table_end"].address == 0x10000
    words = table_words(image)
    assert words[arch_msp430.RESET] == image.symbols["reset_entry"].address
    assert words[:arch_msp430.PART_FIRST] == [0xFFFF] * arch_msp430.PART_FIRST


def test_every_word_is_the_entry_the_manifest_names(elf):
    image = Image(elf)
    words = table_words(image)
    for slot in manifest()["vectors"]:
        symbol = image.symbols[table_symbol(slot)]
        assert words[slot["vector"]] == symbol.address, slot
        assert symbol.kind == "STT_FUNC" and symbol.executable and symbol.address < 0xFF80


def _compiler_vector_words():
    """{N: symbol} for every __interrupt_vector_N section clang wrote into the objects."""
    found = {}
    for obj in artifacts.hand_written_objects(ARCH):
        with open(obj, "rb") as handle:
            object_file = ELFFile(handle)
            symbols = object_file.get_section_by_name(".symtab")
            for section in object_file.iter_sections():
                if isinstance(section, RelocationSection):
                    target = object_file.get_section(section["sh_info"]).name
                    match = re.fullmatch(r"__interrupt_vector_(\d+)", target)
                    if match:
                        relocation, = section.iter_relocations()
                        found[int(match[1])] = symbols.get_symbol(relocation["r_info_sym"]).name
    return found


def test_clang_numbered_each_abi_handler_as_the_spec_did(elf):
    """gen/isr.h declares each abi handler ISR_ABI(N): the compiler's own vector word
    (discarded at the link: gen/isr_table.S holds the table) names the same N."""
    abi = {s["vector"]: s["handler"] for s in manifest()["vectors"] if s["style"] == "abi"}
    assert abi and _compiler_vector_words() == abi


def test_abi_handlers_return_with_reti_and_stubs_too(elf):
    for slot in manifest()["vectors"]:
        if slot["style"] in ("abi", "stub", "naked"):
            listing = subprocess.run(["llvm-objdump", "-d", f"--disassemble-symbols={slot['entry']}", str(elf)],
                                     capture_output=True, text=True, check=True).stdout
            assert re.search(r"\breti\b", listing), slot["entry"]


def test_a_handler_with_parameters_is_a_compile_error(tmp_path):
    """-Werror=ignored-attributes: interrupt(N) on a function with parameters does not
    quietly become a plain function."""
    source = tmp_path / "bad.c"
    source.write_text('#include "isr.h"\nISR_ABI(50) void bad(int x);\nvoid bad(int x)\n{\n    (void)x;\n}\n')
    command = toolchain.compile_command(ARCH, source, tmp_path / "bad.o", artifacts.gen_dir(ARCH))
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode != 0
    assert "[-Werror,-Wignored-attributes]" in result.stderr and "no parameters" in result.stderr


def test_check_fails_when_the_keep_fragment_is_missing(elf, tmp_path):
    """Same objects, keep.ld without its KEEPs: --gc-sections drops the table and
    every handler only it names, and the check says which."""
    generate(ARCH, SPEC, tmp_path, keep=False)
    variant = tmp_path / "kernel.elf"
    assert toolchain.link(ARCH, artifacts.hand_written_objects(ARCH) + artifacts.compile_generated(ARCH, tmp_path),
                          variant, tmp_path)
    problems = check(variant, tmp_path / "manifest.json")
    assert any(p.startswith("vector table is 0 bytes, the manifest expects 128") for p in problems), problems
    for slot in manifest()["vectors"]:
        if slot["style"] == "abi":
            assert any(p.startswith(f"vector {slot['vector']} ({slot['name']}): isr/msp430.py:") and
                       f"entry {slot['handler']} is not in the ELF" in p for p in problems), slot
            assert slot["handler"] not in Image(variant).symbols


@pytest.mark.parametrize("symbol, kind", [("msp430_host_call", "STT_FUNC"), ("msp430_exit_parked", "STT_FUNC"),
                                          ("msp430_mailbox", "STT_OBJECT"), ("__mspabi_divull", "STT_FUNC"),
                                          ("__mspabi_mpyll", "STT_FUNC"), ("recovery_resume", "STT_FUNC")])
def test_symbols_the_launcher_and_the_compiler_reach_are_typed(elf, symbol, kind):
    """mspdebug imports only FUNC and OBJECT symbols: the launcher's breakpoints must be one."""
    assert Image(elf).symbols[symbol].kind == kind
