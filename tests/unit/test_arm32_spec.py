"""The arm32 arch model: spec validation and what the emitters write, without a compiler."""
import json
import re

import pytest

from isr import arch_arm32 as arch
from isr.generate import render
from isr.validate import SpecError
from tests.unit.spec_files import behind_guards, required_lines, write_spec
from reports import variants

SPEC_LINES = [
    'exception("UNDEF", "on_und", style="abi")',
    'exception("svc", "on_swi", style="abi")',
    'exception("PABT", "on_pabt", style="stub")',
    'exception(4, "on_dabt", style="naked")',
    'exception("IRQ", "irq_entry", style="abi")',
    'exception("FIQ", "fiq_entry", style="abi")',
    'irq(30, "tick", style="stub", priority=0x80)',
    'irq(27, "fast", style="stub", fiq=True)',
    'interrupt(2, "sgi_entry", style="naked", fiq=True, priority=0x10)',
    'irq(33, "uart", style="stub")',
]


def rejected(path):
    with pytest.raises(SpecError) as caught:
        render("arm32", path)
    return caught.value.problems


def rendered(tmp_path):
    path, _ = write_spec(tmp_path, *SPEC_LINES)
    return render("arm32", path)


def test_fiq_option_on_an_exception_is_refused_with_the_fix(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("DABT", "h", style="stub", fiq=True)')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 4 (DABT): fiq= chooses the GIC group")
    assert "irq(N, ..., fiq=True)" in problem


def test_intid_and_sgi_ranges(tmp_path):
    path, lines = write_spec(tmp_path, 'irq(64, "a", style="stub")', 'interrupt(16, "b", style="stub")',
                             'exception(8, "c", style="stub")', 'irq(5, "d", style="stub")')
    problems = rejected(path)
    assert problems[0].startswith(f"{path}:{lines[0]}: INTID (PPI 16-31, SPI 32-63) 64 out of range 16-63")
    assert problems[1].startswith(f"{path}:{lines[1]}: SGI 16 out of range 0-15")
    assert problems[2].startswith(f"{path}:{lines[2]}: exception 8 out of range 0-7")
    assert problems[3] == f"{path}:{lines[3]}: INTID 5 is an SGI, raised by software; bind it with interrupt(5, ...)"


@pytest.mark.parametrize("line, vector, reason", [
    ('exception(5, "h", style="abi")', 5, "the Hyp trap"),
    ('exception("RESET", "h", style="abi")', 0, "reset starts at the ELF entry"),
])
def test_vectors_the_kernel_never_takes_through_vbar_are_refused(tmp_path, line, vector, reason):
    path, (number,) = write_spec(tmp_path, line)
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{number}: exception {vector} ({arch.VBAR_NAMES[vector]}) is never taken")
    assert reason in problem and "remove this line" in problem


def test_abi_on_an_intid_names_the_entry_that_owns_the_convention(tmp_path):
    path, (line,) = write_spec(tmp_path, 'irq(30, "tick", style="abi")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 38 (PPI30): style 'abi' is not available here")
    assert 'exception("IRQ", ..., style="abi")' in problem and 'style="stub" or "naked"' in problem


def test_abi_kind_follows_the_vector_in_every_prototype(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    for kind, returns in arch.KIND_RETURN.items():
        assert f'#define ISR_ABI_{kind} __attribute__((interrupt("{kind}")))  /* returns subs pc, lr, #{returns} */' \
            in header
    assert "ISR_ABI_UNDEF void on_und(void);" in header
    assert "ISR_ABI_SWI void on_swi(void);" in header
    assert "ISR_ABI_IRQ void irq_entry(void);" in header and "ISR_ABI_FIQ void fiq_entry(void);" in header
    assert "void on_pabt(struct trap_frame *frame);" in header
    assert "void on_dabt(void);  /* assembly entry: the VBAR word branches here" in header
    assert "void tick(const struct gic_irq *irq);" in header
    assert re.search(r"/\* vector 35 PPI27, INTID 27, group 0, taken at FIQ, priority 0x40, stub, \S+:\d+\n"
                     r" \*   Raised by: ", header)


@pytest.mark.parametrize("line, fiq, allowed", [
    ('irq(30, "a", style="stub", priority=0x40)', False, "0x80 to 0xe0"),
    ('irq(30, "a", style="stub", fiq=True, priority=0x80)', True, "0x0 to 0x70"),
    ('irq(30, "a", style="stub", priority=0x88)', False, "0x80 to 0xe0"),
])
def test_every_fiq_priority_outranks_every_irq_priority(tmp_path, line, fiq, allowed):
    path, (number,) = write_spec(tmp_path, line)
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{number}: vector 38 (PPI30): priority ")
    assert allowed in problem and f"for {'a FIQ' if fiq else 'an IRQ'} interrupt" in problem


def test_fiq_must_be_a_bool(tmp_path):
    path, (line,) = write_spec(tmp_path, 'irq(30, "a", style="stub", fiq=1)')
    assert rejected(path) == [f"{path}:{line}: vector 38 (PPI30): fiq=1 must be True (group 0, taken as FIQ) "
                              f"or False (group 1, IRQ)"]


def test_abort_fault_status_claim_is_checked(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("IRQ", "h", style="abi", error_code=True)')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 6 (IRQ): error_code=True disagrees with the CPU: "
                              f"IRQ leaves no fault status in DFSR/IFSR")


def test_vbar_table_is_eight_branches_32_byte_aligned(tmp_path):
    files = rendered(tmp_path)
    table = files["isr_table.S"]
    assert table.index(".balign 32") < table.index("    b ")
    branches = re.findall(r"^    b (\w+)$", table, re.M)
    # every entry but RESET, IRQ and FIQ (whose dispatcher counts per INTID) goes through its storm guard
    assert [b.startswith("isr_guard_") for b in branches] == [v not in (0, 6, 7) for v in range(8)]
    branches = behind_guards(branches, files["isr_stubs.S"])
    assert branches == ["isr_default_0", "on_und", "on_swi", "isr_stub_3", "on_dabt", "isr_default_5",
                        "irq_entry", "fiq_entry"]
    assert '/* 7 FIQ at +0x1c: abi interrupt("FIQ") fiq_entry */' in table


def test_gic_table_carries_priority_group_and_enable(tmp_path):
    table = rendered(tmp_path)["isr_table.S"]
    entries = re.findall(r"\.long (\w+)\n\s+\.byte 0x([0-9a-f]+), (\d), (\d), (\d+)", table)
    assert len(entries) == arch.GIC_INTIDS
    by_intid = {int(i): (e, int(p, 16), int(f), int(en)) for e, p, f, en, i in entries}
    assert by_intid[30] == ("tick", 0x80, 0, 1)
    assert by_intid[27] == ("fast", arch.DEFAULT_PRIORITY[True], 1, 1)       # fiq=True: group 0, FIQ default
    assert by_intid[2] == ("sgi_entry", 0x10, 1, 1)
    assert by_intid[40] == ("isr_default_intid", arch.DEFAULT_PRIORITY[False], 0, 0)


def test_stub_saves_the_frame_and_returns_to_its_pc(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    offsets = {name: 4 * i for i, name in enumerate(arch.TRAP_FRAME)}
    assert "stmia sp, {r0-r12}" in stubs and "ldmia sp, {r0-r12}" in stubs
    assert f"add r0, sp, #{offsets['sp_usr']}\n    stmia r0, {{sp, lr}}^" in stubs
    assert f"str lr, [sp, #{offsets['pc']}]" in stubs and f"ldr lr, [sp, #{offsets['pc']}]" in stubs
    assert "msr spsr_cxsf, r0" in stubs
    body = stubs[stubs.index("isr_stub_3:"):stubs.index(".size isr_stub_3")]
    assert f"ISR_SAVE 3, {arch.LR_OFFSET[3]}" in body and "bl on_pabt" in body
    instructions = [line for line in body.rstrip().splitlines() if not line.strip().startswith(".cfi")]
    assert instructions[-1].endswith("movs pc, lr              /* to frame->pc, CPSR = SPSR */")
    assert "isr_default_0:" in stubs and "isr_default_5:" in stubs
    assert "isr_stub_4" not in stubs and "isr_stub_6" not in stubs          # naked and abi: nothing generated
    assert "isr_default_intid:\n    b isr_default_gic" in stubs


def test_header_asserts_the_frame_layout(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    for i, name in enumerate(arch.TRAP_FRAME):
        assert f"_Static_assert(offsetof(struct trap_frame, {name}) == {4 * i}," in header
    assert (4 * len(arch.TRAP_FRAME)) % 8 == 0
    assert "#define ISR_IRQ_BASE 8" in header and "#define ISR_VECTOR_COUNT 72" in header
    assert f"#define ISR_LR_OFFSETS {{{', '.join(str(arch.LR_OFFSET[v]) for v in range(8))}}}" in header


def test_manifest_names_both_tables_the_kinds_and_the_groups(tmp_path):
    manifest = json.loads(rendered(tmp_path)["manifest.json"])
    vbar, gic = manifest["tables"]
    assert (vbar["count"], vbar["entry_size"], vbar["align"], vbar["format"]) == (8, 4, 32, "vbar-arm-branch")
    assert (gic["count"], gic["first_vector"], gic["format"]) == (64, 8, "gic-dispatch-32")
    slots = manifest["vectors"]
    assert len(slots) == 72
    assert [s["error_code"] for s in slots[:8]] == [False, False, False, True, True, False, False, False]
    assert slots[6]["options"] == {"kind": "IRQ", "lr_offset": 4, "kind_return": 4}
    assert slots[2]["options"] == {"kind": "SWI", "lr_offset": 0, "kind_return": 0}
    assert slots[4]["options"]["lr_offset"] == 8
    assert slots[35]["table_entry"] == {"priority": 0x40, "fiq": 1, "enabled": 1}
    assert slots[38]["options"] == {"priority": 0x80, "fiq": False}
    assert slots[6]["entry"] == "irq_entry" and slots[3]["entry"] == "isr_stub_3"


def test_the_repository_spec_is_valid_and_uses_every_style():
    manifest = json.loads(render("arm32", "isr/arm32.py")["manifest.json"])
    styles = {s["style"] for s in manifest["vectors"]}
    assert {"abi", "stub", "naked"} <= styles
    assert any(s["options"].get("fiq") for s in manifest["vectors"][8:] if s["style"] != "default")


def test_an_intid_whose_entry_is_left_to_the_default_is_refused(tmp_path):
    """Only the IRQ entry is bound: a FIQ INTID would reach the default FIQ
    handler, which never acknowledges the GIC."""
    path, lines = write_spec(tmp_path, 'exception("IRQ", "irq_entry", style="abi")',
                             'irq(27, "fast", style="stub", fiq=True)', 'irq(30, "tick", style="stub")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{lines[1]}: vector 35 (PPI27): INTID 27 is signalled at the FIQ entry, "
                              f"which the spec leaves to the default handler")
    assert 'bind exception("FIQ", ..., style="abi")' in problem and "drop fiq=True" in problem


@pytest.mark.parametrize("line, message", [
    ('exception("FIQ", "h", style="abi", kind="IRQ")',
     "vector 7 (FIQ): kind='IRQ' disagrees with the vector: FIQ needs interrupt(\"FIQ\")"),
    ('exception("IRQ", "h", style="abi", kind="NMI")',
     "vector 6 (IRQ): kind='NMI' is not an interrupt kind the compiler has (IRQ, FIQ, SWI, ABORT, UNDEF)"),
    ('exception("SVC", "h", style="stub", kind="SWI")',
     "vector 2 (SVC): kind= names a compiler interrupt convention, which only style=\"abi\" has"),
])
def test_a_kind_claim_is_checked_against_the_vector(tmp_path, line, message):
    path, (number,) = write_spec(tmp_path, line)
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{number}: {message}"), problem


def test_a_kind_claim_that_agrees_is_accepted(tmp_path):
    path, _ = write_spec(tmp_path, 'exception("DABT", "h", style="abi", kind="ABORT")', *required_lines("arm32"))
    assert "ISR_ABI_ABORT void h(void);" in render("arm32", path)["isr.h"]


def test_one_bench_handler_on_both_groups_reaches_the_manifest_through_each_entry(tmp_path):
    """The cost report pairs an IRQ and a FIQ window of the same handler: the
    spec may bind it on an SGI of each group, and the manifest says which."""
    path, _ = write_spec(tmp_path, 'exception("IRQ", "irq_entry", style="abi")',
                         'exception("FIQ", "fiq_entry", style="abi")',
                         'interrupt(5, "bench_stub", style="stub", priority=0x80, bench="counter")',
                         'interrupt(8, "bench_stub", style="stub", fiq=True, priority=0x00, bench="counter")',
                         *required_lines("arm32", arch.VBAR_NAMES.index("IRQ")))
    slots = json.loads(render("arm32", path)["manifest.json"])["vectors"]
    bench = [(s["vector"], s["handler"], s["bench"], s["options"]["fiq"]) for s in slots if s["bench"]]
    assert bench == [(13, "bench_stub", "counter", False), (16, "bench_stub", "counter", True)]


def test_abi_is_no_bench_style_of_an_sgi_and_the_report_says_why():
    """reports/variants.py measures every bench style an SGI can have; the
    report names the one it cannot, never a gap."""
    assert {style for style, _ in variants.wanted("arm32")} == {"stub", "naked"}
    note, = variants.refusals("arm32", "gcc")
    assert note.startswith("arm32 gcc: no `abi` bench row: a bench vector is an SGI") and "interrupt(\"FIQ\")" in note
