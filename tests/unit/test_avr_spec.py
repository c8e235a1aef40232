"""avr: spec validation against the ATmega2560 and QEMU 7.2 facts, and what the emitters write (no compiler)."""
import json
import re

import pytest

from isr import arch_avr as arch
from isr.generate import render
from isr.validate import SpecError
from tests.unit.spec_files import behind_guards, write_spec

SPEC_LINES = [
    'irq("TIMER1_COMPA", "tick", style="abi")',
    'irq(18, "compb", style="stub")',
    'irq("usart0_rx_vect", "rx", style="stub")',
    'irq("USART0_UDRE", "udre_entry", style="naked")',
    'irq("TIMER3_COMPA", "slow", style="abi", nonblocking=True)',
]


def rendered(tmp_path):
    path, _ = write_spec(tmp_path, *SPEC_LINES)
    return render("avr", path)


def rejected(tmp_path, line):
    path, (number,) = write_spec(tmp_path, line)
    with pytest.raises(SpecError) as caught:
        render("avr", path)
    problem, = caught.value.problems
    assert problem.startswith(f"{path}:{number}: "), problem
    return problem


# -- validation ----------------------------------------------------------------

@pytest.mark.parametrize("vector", ["RESET", 0])
def test_reset_cannot_be_bound(tmp_path, vector):
    problem = rejected(tmp_path, f'irq({vector!r}, "h", style="naked")')
    assert "vector 0 (RESET) is where the CPU starts" in problem and arch.RESET_SYMBOL in problem


@pytest.mark.parametrize("vector", [33, 36, 56, "TIMER3_COMPB", "USART1_RX"])
def test_vectors_qemu_delivers_as_33_are_refused(tmp_path, vector):
    problem = rejected(tmp_path, f'irq({vector!r}, "h", style="abi")')
    assert re.search(r"vector (\d+) \(\w+\): QEMU 7.2 delivers every vector from 33 up as vector 33", problem)
    assert "use a source numbered below 33" in problem


@pytest.mark.parametrize("vector", sorted(v for v, s in arch.SOURCES.items()
                                          if not s.emulated and v < arch.FIRST_MISDELIVERED))
def test_sources_without_an_emulated_device_are_refused(tmp_path, vector):
    source = arch.SOURCES[vector]
    problem = rejected(tmp_path, f'irq({vector}, "h", style="stub")')
    assert f"vector {vector} ({source.name}): QEMU 7.2's mega2560 has no emulated {source.device}" in problem


@pytest.mark.parametrize("name", ["TIMER0_OVF", "TIMER2_COMPA"])
def test_timer0_and_timer2_are_named_as_missing(tmp_path, name):
    assert "has no emulated TIMER" in rejected(tmp_path, f'irq("{name}", "h", style="abi")')


@pytest.mark.parametrize("style", ["stub", "naked"])
def test_nonblocking_needs_the_abi_style(tmp_path, style):
    problem = rejected(tmp_path, f'irq("TIMER1_COMPB", "h", style="{style}", nonblocking=True)')
    assert problem.endswith("drop nonblocking=") and 'needs style="abi"' in problem and "ISR_NOBLOCK" in problem


def test_no_exceptions_and_no_software_vectors(tmp_path):
    assert "the AVR has no CPU exceptions" in rejected(tmp_path, 'exception(17, "h", style="abi")')
    assert "no software-interrupt vectors" in rejected(tmp_path, 'interrupt(17, "h", style="abi")')


def test_unknown_names_and_numbers(tmp_path):
    assert "is not an ATmega2560 vector" in rejected(tmp_path, 'irq("TIMER9_OVF", "h", style="abi")')
    assert "out of range 1-56" in rejected(tmp_path, 'irq(57, "h", style="abi")')
    assert "option priority= does not exist on avr" in rejected(tmp_path, 'irq(17, "h", style="abi", priority=1)')


def test_every_deliverable_vector_has_a_device_qemu_emulates():
    deliverable = [v for v, s in arch.SOURCES.items() if s.emulated and 0 < v < arch.FIRST_MISDELIVERED]
    assert deliverable == [16, 17, 18, 19, 20, 25, 26, 27, 31, 32]


# -- generated files -------------------------------------------------------------

def test_table_is_one_jmp_per_slot_reset_first(tmp_path):
    files = rendered(tmp_path)
    targets = re.findall(r"^\s+jmp (\w+)$", files["isr_table.S"], re.M)
    assert all(target.startswith("isr_guard_") for target in targets[1:])
    targets = behind_guards(targets, files["isr_stubs.S"])
    assert len(targets) == arch.VECTOR_COUNT == 57
    assert targets[0] == arch.RESET_SYMBOL
    assert targets[17] == "__vector_17" and targets[32] == "__vector_32"      # abi: the compiler's own name
    assert targets[18] == "isr_stub_18" and targets[25] == "isr_stub_25"
    assert targets[26] == "udre_entry"                                        # naked: the user's entry
    assert targets[1] == "isr_default_1" and targets[56] == "isr_default_56"


def test_abi_prototypes_carry_the_vector_name_and_the_attribute(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    assert 'ISR_SIGNAL void tick(void) __asm__("__vector_17");' in header
    assert 'ISR_NONBLOCKING void slow(void) __asm__("__vector_32");' in header
    assert "#define ISR_SIGNAL __attribute__((signal, used, externally_visible))" in header
    assert "#define ISR_NONBLOCKING __attribute__((interrupt, used, externally_visible))" in header
    assert "void compb(struct trap_frame *frame);" in header
    assert re.search(r"^void udre_entry\(void\);  /\* assembly entry", header, re.M)


def test_frame_layout_has_byte_offsets(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    for index, field in enumerate(arch.TRAP_FRAME):
        assert f"offsetof(struct trap_frame, {field}) == {index}," in header
    assert arch.TRAP_FRAME.index("pc_hi") == arch.STUB_SAVED == 36


def test_stub_entry_and_common_path_push_the_frame_in_order(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    entry = stubs[stubs.index("isr_stub_18:\n"):stubs.index(".size isr_stub_18")]
    assert re.findall(r"push (r\d+)", entry) == list(arch.STUB_ENTRY_PUSHES)
    assert "ldi r29, 18" in entry and "lo8(gs(compb))" in entry and "jmp isr_trap_common" in entry
    common = stubs[stubs.index("isr_trap_common:\n"):stubs.index(".size isr_trap_common")]
    pushed = list(arch.STUB_ENTRY_PUSHES) + re.findall(r"push (r\d+)", common)
    assert len(pushed) == arch.STUB_SAVED
    # Pushed last is lowest, so the frame read from SP + 1 is these pushes reversed:
    # r31 first (highest), r0 last of the registers, then SREG, RAMPZ, EIND and the vector (r29).
    assert pushed[:32] == [f"r{n}" for n in range(31, -1, -1)]
    assert re.findall(r"in r0, (0x\w+)", common) == ["0x3f", "0x3b", "0x3c"]
    assert pushed[32:] == ["r0", "r0", "r0", "r29"] and "eicall" in common
    assert "reti" in common and "out 0x3c, r1" in common


def test_defaults_get_their_own_entries_and_nonblocking_flags_follow_the_spec(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    assert "ldi r29, 40" in stubs[stubs.index("isr_default_40:\n"):]
    assert "gs(isr_default_handler)" in stubs
    flags = [int(v) for v in re.findall(r"^\s+\.byte (\d)", stubs, re.M)]
    assert len(flags) == 57 and flags[32] == 1 and sum(flags) == 1


def test_keep_fragment_keeps_abi_handlers_by_their_vector_name(tmp_path):
    keep = rendered(tmp_path)["keep.ld"]
    assert "KEEP(*(.text.__vector_17))" in keep and "KEEP(*(.text.compb))" in keep
    assert "ASSERT(__isr_table_end - __isr_table_start == 228," in keep
    assert re.search(r'ASSERT\(DEFINED\(__vector_32\), "\S+spec.py:\d+: vector 32 \(TIMER3_COMPA\): handler slow is',
                     keep)


def test_manifest_names_the_reset_slot_and_the_options(tmp_path):
    manifest = json.loads(rendered(tmp_path)["manifest.json"])
    table, = manifest["tables"]
    assert (table["format"], table["size"], table["count"], table["fixed"]) == \
        ("jmp-slots", 228, 57, {"0": arch.RESET_SYMBOL})
    assert [s["vector"] for s in manifest["vectors"]] == list(range(1, 57))
    slow = manifest["vectors"][31]
    assert (slow["name"], slow["entry"], slow["handler"], slow["options"]) == \
        ("TIMER3_COMPA", "__vector_32", "slow", {"nonblocking": True})
    assert all(s["table_entry"] == {"insn": "jmp"} for s in manifest["vectors"])
