"""Checks on the linked avr kernel: the jmp table sits at flash 0, every slot decodes back to
its manifest symbol, abi handlers are the compiler's own, and without KEEP the check fails."""
import json
import struct

import pytest

from isr.generate import generate
from tools import toolchain
from tools.check_elf import check
from tools.elf_symbols import Image
from isr.arch_avr.decode_table import avr_jmp_slots

from tests.elf import artifacts
from tests.elf.artifacts import point_elsewhere
from tests.facts import table_symbol

ARCH = "avr"
SPEC = "isr/avr.py"


@pytest.fixture(scope="module")
def avr_kernel(kernel):
    return kernel(ARCH)


def manifest():
    return json.loads((artifacts.gen_dir(ARCH) / "manifest.json").read_text())


def slots(image):
    table, = manifest()["tables"]
    start = image.symbols[table["start"]].address
    return avr_jmp_slots(image.read(start, table["size"]), table, start)


def test_built_kernel_passes_the_check(avr_kernel):
    assert check(avr_kernel, artifacts.gen_dir(ARCH) / "manifest.json") == []
    bound = sum(1 for s in manifest()["vectors"] if s["style"] != "default")
    assert f"56 table entries and {bound} spec handlers check out" in artifacts.run_check_command(ARCH, avr_kernel)


def test_every_slot_is_a_jmp_to_the_manifest_symbol(avr_kernel):
    image = Image(avr_kernel)
    assert image.symbols["__isr_table_start"].address == 0
    decoded = slots(image)
    assert decoded[0] == (image.symbols["avr_reset"].address, {"insn": "jmp"})
    for slot in manifest()["vectors"]:
        symbol = image.symbols[table_symbol(slot)]
        assert decoded[slot["vector"]] == (symbol.address, {"insn": "jmp"}), slot["vector"]
        assert symbol.kind == "STT_FUNC" and symbol.executable


def test_the_decoder_reads_the_opcode_bits_of_k():
    """JMP 0x1234a (word address): k[21:17] in bits 8:4 and k[16] in bit 0 of the first word."""
    k = 0x1234A
    first = 0x940C | ((k >> 17) & 0x1F) << 4 | (k >> 16) & 1
    data = struct.pack("<HH", first, k & 0xFFFF) + struct.pack("<HH", 0x0000, 0)
    decoded = avr_jmp_slots(data, {"first_vector": 0}, 0)
    assert decoded[0] == (2 * k, {"insn": "jmp"}) and decoded[1] == (0, {"insn": "not-jmp"})


def test_abi_handlers_are_signal_functions_named_by_vector(avr_kernel):
    """The table jumps straight to __vector_N, and its first instruction is the
    compiler's: `push r1` for a blocking handler, `sei` for a nonblocking one."""
    image = Image(avr_kernel)
    for slot in manifest()["vectors"]:
        if slot["style"] != "abi":
            continue
        assert slot["entry"] == f"__vector_{slot['vector']}" and slot["handler"] not in image.symbols
        first, = struct.unpack("<H", image.read(image.symbols[slot["entry"]].address, 2))
        assert first == (0x9478 if slot["options"]["nonblocking"] else 0x921F), hex(first)   # sei / push r1


def test_check_names_a_slot_that_jumps_elsewhere(avr_kernel, tmp_path):
    wrong = manifest()
    tick = next(i for i, s in enumerate(wrong["vectors"]) if s["entry"] == "__vector_17")
    point_elsewhere(wrong["vectors"][tick], wrong["vectors"][0])
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(wrong))
    problem, = check(avr_kernel, path)
    assert problem.startswith("vector 17 (TIMER1_COMPA): isr/avr.py:")
    assert f"the manifest names {table_symbol(wrong['vectors'][0])}" in problem


def test_check_fails_when_the_keep_fragment_is_missing(avr_kernel, tmp_path):
    """Same objects, keep.ld without its KEEPs: --gc-sections drops the table and
    every abi handler only it names, and the check says which."""
    generate(ARCH, SPEC, tmp_path, keep=False)
    elf = tmp_path / "kernel.elf"
    assert toolchain.link(ARCH, artifacts.hand_written_objects(ARCH) + artifacts.compile_generated(ARCH, tmp_path),
                          elf, tmp_path)
    problems = check(elf, tmp_path / "manifest.json")
    assert any(p.startswith("vector table is 0 bytes, the manifest expects 228") for p in problems), problems
    abi = [s for s in manifest()["vectors"] if s["style"] == "abi"]
    assert abi
    for slot in abi:
        assert any(p.startswith(f"vector {slot['vector']} ({slot['name']}): isr/avr.py:") and
                   f"entry {slot['entry']} is not in the ELF" in p for p in problems), slot
        assert slot["entry"] not in Image(elf).symbols


@pytest.mark.parametrize("symbol", ["kmain", "avr_reset", "avr_parked", "recovery_resume", "isr_trap_common"])
def test_symbols_only_assembly_or_the_cpu_reach_survive_gc(avr_kernel, symbol):
    assert Image(avr_kernel).symbols[symbol].executable


def test_data_fits_sram_with_room_for_the_stack(avr_kernel):
    image = Image(avr_kernel)
    assert image.symbols["__bss_end"].address + 1024 <= 0x802200
