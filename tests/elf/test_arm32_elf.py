"""Checks on the linked arm32 kernel: the VBAR words, the GIC table, what
--gc-sections kept, and each abi handler's return instruction."""
import json
import struct
import subprocess

import pytest

from isr.generate import generate
from reports import handler_cost
from tools import return_checks, toolchain
from tools.check_elf import check
from tools.elf_symbols import Image

from tests.elf.artifacts import compile_generated, gen_dir, hand_written_objects, point_elsewhere, run_check_command
from tests.facts import table_symbol

ARCH = "arm32"


def manifest():
    return json.loads((gen_dir(ARCH) / "manifest.json").read_text())


@pytest.fixture(scope="module")
def arm32_kernel(kernel):
    return kernel(ARCH)


def checked_with(elf, tmp_path, edit):
    """check() against the build's manifest after edit(manifest)."""
    wrong = manifest()
    edit(wrong)
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(wrong))
    return check(elf, path)


def test_built_kernel_passes_the_check(arm32_kernel):
    assert check(arm32_kernel, gen_dir(ARCH) / "manifest.json") == []


def test_check_command_counts_the_entries_and_handlers(arm32_kernel):
    slots = manifest()["vectors"]
    bound = sum(1 for s in slots if s["style"] != "default")
    assert f"{len(slots)} table entries and {bound} spec handlers check out" in run_check_command(ARCH, arm32_kernel)


def test_each_vbar_word_branches_to_the_manifest_entry(arm32_kernel):
    """Decode each word's ARM B by hand (A8.8.18: cond 1110, 1010, imm24 from PC + 8),
    independently of the checker."""
    image = Image(arm32_kernel)
    vbar = manifest()["tables"][0]
    base = image.symbols[vbar["start"]].address
    assert base % vbar["align"] == 0
    assert image.symbols[vbar["end"]].address - base == vbar["size"]
    for slot in manifest()["vectors"][:vbar["count"]]:
        address = base + 4 * slot["vector"]
        insn, = struct.unpack("<I", image.read(address, 4))
        assert insn >> 24 == 0xEA, f"word {slot['vector']} is not an unconditional B"
        offset = (insn & 0xFFFFFF) - ((insn & 0x800000) << 1)
        assert address + 8 + 4 * offset == image.symbols[table_symbol(slot)].address, slot["name"]


def test_gic_table_holds_each_slot_priority_and_group(arm32_kernel):
    image = Image(arm32_kernel)
    gic = manifest()["tables"][1]
    base = image.symbols[gic["start"]].address
    for slot in manifest()["vectors"][gic["first_vector"]:]:
        intid = slot["vector"] - gic["first_vector"]
        entry, priority, fiq, enabled, read_intid = struct.unpack("<IBBBB", image.read(base + 8 * intid, 8))
        assert (entry, read_intid) == (image.symbols[slot["entry"]].address, intid)
        assert {"priority": priority, "fiq": fiq, "enabled": enabled} == slot["table_entry"]


def test_entry_point_is_start_in_ram_in_arm_state(arm32_kernel):
    image = Image(arm32_kernel)
    assert image.symbols["_start"].address == 0x40200000      # 2 MiB into virt's RAM at 0x40000000
    assert image.symbols["_start"].address % 4 == 0            # ARM state: bit 0 clear


def test_check_fails_when_the_keep_fragment_is_missing(arm32_kernel, tmp_path):
    """Without KEEP, --gc-sections drops both tables and every handler only they name."""
    generate(ARCH, "isr/arm32.py", tmp_path, keep=False)
    elf = tmp_path / "kernel.elf"
    assert toolchain.link(ARCH, hand_written_objects(ARCH) + compile_generated(ARCH, tmp_path), elf, tmp_path)
    problems = check(elf, tmp_path / "manifest.json")
    slots = json.loads((tmp_path / "manifest.json").read_text())["vectors"]
    assert any("vbar table is 0 bytes, the manifest expects 32" in p for p in problems)
    assert any("gic table is 0 bytes, the manifest expects 512" in p for p in problems)
    abi = [slot for slot in slots if slot["style"] == "abi"]
    assert abi, "the spec binds no abi handler: nothing here would be checked"
    for slot in abi:
        assert any(p.startswith(f"vector {slot['vector']} ({slot['name']}): {slot['where']}: ")
                   and f"entry {slot['entry']} is not in the ELF" in p for p in problems), slot["name"]
        assert slot["handler"] not in Image(elf).symbols


def test_check_names_a_vbar_word_that_branches_elsewhere(arm32_kernel, tmp_path):
    def edit(m):
        point_elsewhere(m["vectors"][3], m["vectors"][4])
    problem, = checked_with(arm32_kernel, tmp_path, edit)
    assert problem.startswith("vector 3 (PABT): ")
    assert f"the manifest names {table_symbol(manifest()['vectors'][4])}" in problem


def test_check_names_a_gic_group_that_differs(arm32_kernel, tmp_path):
    slot = next(s for s in manifest()["vectors"][8:] if s["style"] != "default")
    def edit(m):
        m["vectors"][slot["vector"]]["table_entry"]["fiq"] ^= 1
    problem, = checked_with(arm32_kernel, tmp_path, edit)
    assert problem.startswith(f"vector {slot['vector']} ({slot['name']}): ") and "table fiq is" in problem


def abi_slots():
    return [s for s in manifest()["vectors"] if s["style"] == "abi"]


def test_every_abi_handler_returns_as_its_kind_needs(arm32_kernel):
    """Decode each abi handler in the ELF: its exception returns subtract what its vector needs."""
    image = Image(arm32_kernel)
    assert abi_slots()
    for slot in abi_slots():
        symbol = image.symbols[slot["handler"]]
        data = image.read(symbol.address, symbol.size)
        kinds = {return_checks.classify(w) for w, in struct.iter_unpack("<I", data)} - {None}
        assert kinds == {("exception", slot["options"]["kind_return"])}, slot["handler"]


def test_check_names_a_handler_whose_return_does_not_fit_its_vector(arm32_kernel, tmp_path):
    """Claim that the SWI handler serves an IRQ-like kind: it returns to LR - 0, not LR - 4."""
    swi = next(s for s in abi_slots() if s["options"]["kind"] == "SWI")
    def edit(m):
        m["vectors"][swi["vector"]]["options"]["kind_return"] = 4
    problems = checked_with(arm32_kernel, tmp_path, edit)
    assert problems and all(p.startswith(f"vector {swi['vector']} ({swi['name']}): {swi['where']}: abi handler "
                                         f"{swi['handler']} returns to LR - 0 at 0x") for p in problems)
    assert "needs LR - 4" in problems[0] and "ISR_ABI_SWI" in problems[0]


def test_a_misspelt_kind_compiles_to_a_plain_function_and_the_check_refuses_it(tmp_path):
    """interrupt("NMI") is only a warning in clang: the function returns with bx lr."""
    source = tmp_path / "nmi.c"
    source.write_text('volatile int seen;\n__attribute__((interrupt("NMI"))) void on_irq_typo(void) { seen = 1; }\n')
    obj, elf = tmp_path / "nmi.o", tmp_path / "nmi.elf"
    command = toolchain.compile_command(ARCH, source, obj, tmp_path)
    result = subprocess.run([c for c in command if c != "-Werror"], capture_output=True, text=True)
    assert result.returncode == 0 and "interrupt" in result.stderr       # a warning, not an error
    subprocess.run(["ld.lld", "-e", "on_irq_typo", "-o", str(elf), str(obj)], check=True)
    fake = {"arch": ARCH, "vectors": [{"vector": 6, "name": "IRQ", "style": "abi", "handler": "on_irq_typo",
                                       "where": "spec.py:3", "options": {"kind": "IRQ", "kind_return": 4}}]}
    problems = return_checks.check(elf, fake)
    assert any("vector 6 (IRQ): spec.py:3: abi handler on_irq_typo never makes an exception return" in p
               for p in problems), problems
    assert any("returns with `bx lr` at 0x" in p and "ISR_ABI_IRQ" in p for p in problems), problems


def test_fiq_entry_stores_fewer_registers_than_the_irq_entry(arm32_kernel):
    """The same body (one call to the dispatcher) in both conventions: FIQ banks r8-r12."""
    entries = {s["options"]["kind"]: s["handler"] for s in abi_slots() if s["options"]["kind"] in ("IRQ", "FIQ")}
    saved = {kind: handler_cost.saved_words(ARCH, handler_cost.disassemble(ARCH, arm32_kernel, name))
             for kind, name in entries.items()}
    assert saved["FIQ"] < saved["IRQ"], saved


@pytest.mark.parametrize("symbol", ["kmain", "recovery_resume", "_start", "isr_default_intid"])
def test_symbols_only_assembly_or_the_cpu_reach_survive_gc(arm32_kernel, symbol):
    assert Image(arm32_kernel).symbols[symbol].executable


def test_every_naked_handler_survives_gc_as_a_function(arm32_kernel):
    symbols = Image(arm32_kernel).symbols
    naked = [s["handler"] for s in manifest()["vectors"] if s["style"] == "naked"]
    assert naked
    for name in naked:
        assert symbols[name].kind == "STT_FUNC" and symbols[name].executable, name
