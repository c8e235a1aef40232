"""The aarch64 arch model: spec validation and what the emitters write, without a compiler."""
import json
import re

import pytest

from isr import arch_aarch64 as arch
from isr.generate import render
from isr.validate import SpecError
from tests.unit.spec_files import behind_guards, write_spec

SPEC_LINES = [
    'exception("EL1H_SYNC", "on_sync", style="stub")',
    'exception("el1h_irq", "dispatch", style="stub")',
    'exception(0, "sp0_entry", style="naked")',
    'irq(30, "tick", style="stub", priority=0x40)',
    'irq(33, "uart", style="stub")',
    'interrupt(2, "sgi_entry", style="naked", priority=0xa0)',
]


def rejected(path):
    with pytest.raises(SpecError) as caught:
        render("aarch64", path)
    return caught.value.problems


def rendered(tmp_path):
    path, _ = write_spec(tmp_path, *SPEC_LINES)
    return render("aarch64", path)


def test_abi_style_is_refused_because_no_compiler_has_the_attribute(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("EL1H_SYNC", "h", style="abi")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 4 (EL1H_SYNC): style 'abi' is not available on aarch64")
    assert "no AArch64 interrupt attribute" in problem and 'style="stub"' in problem


def test_unknown_exception_name_lists_the_vbar_entries(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("#PF", "h", style="stub")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: exception '#PF' is not a VBAR_EL1 entry")
    assert "EL1H_SYNC" in problem and "EL0_32_SERROR" in problem


def test_sgi_bound_as_irq_is_redirected_to_interrupt(tmp_path):
    path, (line,) = write_spec(tmp_path, 'irq(3, "h", style="stub")')
    problem, = rejected(path)
    assert problem == f"{path}:{line}: INTID 3 is an SGI, raised by software; bind it with interrupt(3, ...)"


def test_intid_and_sgi_ranges(tmp_path):
    path, lines = write_spec(tmp_path, 'irq(64, "a", style="stub")', 'interrupt(16, "b", style="stub")',
                             'exception(16, "c", style="stub")')
    problems = rejected(path)
    assert problems[0].startswith(f"{path}:{lines[0]}: INTID (PPI 16-31, SPI 32-63) 64 out of range 16-63")
    assert problems[1].startswith(f"{path}:{lines[1]}: SGI 16 out of range 0-15")
    assert problems[2].startswith(f"{path}:{lines[2]}: exception 16 out of range 0-15")


def test_priority_must_be_a_gic_level_below_the_mask(tmp_path):
    path, lines = write_spec(tmp_path, 'irq(30, "a", style="stub", priority=0x48)',
                             'irq(33, "b", style="stub", priority=0xf0)')
    first, second = rejected(path)
    assert first.startswith(f"{path}:{lines[0]}: vector 46 (PPI30): priority 72 must be a multiple of 16")
    assert second.startswith(f"{path}:{lines[1]}: vector 49 (SPI33): priority 240")
    assert "masked by GICC_PMR" in second


def test_vbar_entries_take_no_options(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("EL1H_SYNC", "h", style="stub", ist=1)')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 4 (EL1H_SYNC): option ist= does not exist")


def test_syndrome_claim_is_checked_against_the_entry(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("EL1H_IRQ", "h", style="stub", error_code=True)')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 5 (EL1H_IRQ): error_code=True disagrees with the CPU: "
                              f"EL1H_IRQ leaves no syndrome in ESR_EL1")


def test_vbar_table_is_16_branches_in_2k(tmp_path):
    files = rendered(tmp_path)
    table = files["isr_table.S"]
    assert table.index(".balign 2048") < table.index("b isr_guard_0")
    branches = re.findall(r"^    b (\w+)$", table, re.M)
    # every entry but IRQ and FIQ, whose dispatcher counts per INTID, goes through its storm guard
    assert [b.startswith("isr_guard_") for b in branches] == [v % 4 not in (1, 2) for v in range(16)]
    branches = behind_guards(branches, files["isr_stubs.S"])
    assert len(branches) == 16
    assert branches[0] == "sp0_entry" and branches[4] == "isr_stub_4" and branches[5] == "isr_stub_5"
    assert branches[6] == "isr_default_6" and branches[15] == "isr_default_15"
    assert table.count(".balign 128") == 17      # one per entry, and the pad after the last


def test_gic_table_has_one_entry_per_intid_with_priority_and_enable(tmp_path):
    table = rendered(tmp_path)["isr_table.S"]
    entries = re.findall(r"\.quad (\w+)\n\s+\.byte 0x([0-9a-f]+), (\d)\n\s+\.short (\d+)", table)
    assert len(entries) == arch.GIC_INTIDS
    by_intid = {int(i): (e, int(p, 16), int(en)) for e, p, en, i in entries}
    assert by_intid[30] == ("tick", 0x40, 1)
    assert by_intid[33] == ("uart", 0x80, 1)               # the default priority
    assert by_intid[2] == ("sgi_entry", 0xa0, 1)
    assert by_intid[40] == ("isr_default_handler", 0x80, 0)


def test_stubs_save_every_register_and_the_exception_state(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    offsets = {name: 8 * i for i, name in enumerate(arch.TRAP_FRAME)}
    for i in range(0, 30, 2):
        assert f"stp x{i}, x{i + 1}, [sp, #{offsets[f'x{i}']}]" in stubs
        assert f"ldp x{i}, x{i + 1}, [sp, #{offsets[f'x{i}']}]" in stubs
    assert f"str x30, [sp, #{offsets['x30']}]" in stubs
    assert f"stp x0, x1, [sp, #{offsets['elr']}]" in stubs and f"stp x0, x1, [sp, #{offsets['esr']}]" in stubs
    assert "msr elr_el1, x0" in stubs and "msr spsr_el1, x1" in stubs
    body = stubs[stubs.index("isr_stub_4:"):stubs.index(".size isr_stub_4")]
    instructions = [line.strip() for line in body.splitlines() if line.strip() and not line.strip().startswith(".cfi")]
    assert "ISR_SAVE 4" in body and "bl on_sync" in body and instructions[-1] == "eret"
    assert "isr_default_7:" in stubs and "isr_stub_0" not in stubs   # naked: nothing generated


def test_header_asserts_the_frame_and_gives_each_handler_its_prototype(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    for i, name in enumerate(arch.TRAP_FRAME):
        assert f"_Static_assert(offsetof(struct trap_frame, {name}) == {8 * i}," in header
    assert "void on_sync(struct trap_frame *frame);" in header
    assert "void sp0_entry(void);  /* assembly entry: VBAR_EL1 branches here" in header
    assert "void sgi_entry(struct trap_frame *frame);  /* assembly, called by the GIC dispatcher" in header
    assert "#define ISR_IRQ_BASE 16" in header and "#define ISR_VECTOR_COUNT 80" in header


def test_keep_fragment_aligns_and_keeps_both_tables(tmp_path):
    keep = rendered(tmp_path)["keep.ld"]
    assert ".isr : ALIGN(2048)" in keep
    assert "KEEP(*(.isr_table))" in keep and "KEEP(*(.isr_gic_table))" in keep
    assert 'ASSERT(__isr_table_start % 2048 == 0, "gen/keep.ld: the vbar table must be 2048-byte aligned")' in keep
    assert "KEEP(*(.text.tick))  /* vector 46 PPI30, stub */" in keep


def test_manifest_names_both_tables_and_every_slot(tmp_path):
    manifest = json.loads(rendered(tmp_path)["manifest.json"])
    vbar, gic = manifest["tables"]
    assert (vbar["count"], vbar["entry_size"], vbar["align"], vbar["format"]) == (16, 128, 2048, "vbar-branch")
    assert (gic["count"], gic["first_vector"], gic["format"]) == (64, 16, "gic-dispatch")
    slots = manifest["vectors"]
    assert len(slots) == 80
    assert slots[4]["error_code"] and not slots[5]["error_code"]
    assert slots[46]["table_entry"] == {"priority": 0x40, "enabled": 1}
    assert slots[46]["entry"] == "tick" and slots[4]["entry"] == "isr_stub_4"
    assert slots[9]["entry"] == "isr_default_9" and slots[9]["table_entry"] == {}


def test_the_repository_spec_is_valid():
    files = render("aarch64", "isr/aarch64.py")
    assert "b gic_dispatch" not in files["isr_table.S"]          # through its stub, not directly
    assert "b isr_stub_5" in files["isr_table.S"]
