"""riscv64: spec validation against the arch facts, and what the emitters write (no compiler)."""
import json
import re

import pytest

from isr import arch_riscv64 as arch
from isr.generate import render
from isr.validate import SpecError
from tests.unit.spec_files import behind_guards, write_spec

SPEC_LINES = [
    'exception("illegal", "ill_stub", style="stub")',
    'exception(3, "bp_abi", style="abi")',
    'exception("ecall-u", "syscall", style="stub")',
    'irq(7, "tick", style="abi")',
    'irq(3, "soft_entry", style="naked")',
    'irq(11, "external", style="stub")',
]


def rendered(tmp_path):
    path, _ = write_spec(tmp_path, *SPEC_LINES)
    return render("riscv64", path)


def rejected(tmp_path, *lines):
    path, numbers = write_spec(tmp_path, *lines)
    with pytest.raises(SpecError) as caught:
        render("riscv64", path)
    return path, numbers, caught.value.problems


# -- validation --------------------------------------------------------------

def test_unknown_exception_name_lists_the_known_ones(tmp_path):
    path, (line,), (problem,) = rejected(tmp_path, 'exception("#PF", "h", style="stub")')
    assert problem.startswith(f"{path}:{line}: exception '#PF' is not a riscv64 exception; use one of: ")
    assert "load-fault" in problem and "ecall-u" in problem


def test_reserved_exception_code(tmp_path):
    path, (line,), (problem,) = rejected(tmp_path, 'exception(10, "h", style="stub")')
    assert problem == f"{path}:{line}: exception code 10 is reserved: the hart never raises it; remove this line"


def test_exception_code_out_of_range(tmp_path):
    path, (line,), (problem,) = rejected(tmp_path, 'exception(16, "h", style="stub")')
    assert problem.startswith(f"{path}:{line}: exception code 16 out of range 0-15")


def test_plic_source_is_not_an_interrupt_cause(tmp_path):
    path, (line,), (problem,) = rejected(tmp_path, 'irq(10, "uart", style="stub")')
    assert problem.startswith(f"{path}:{line}: interrupt cause 10 is not a standard riscv64 interrupt")
    assert "claimed by the MEI handler, irq(11, ...)" in problem


def test_software_vectors_do_not_exist(tmp_path):
    path, (line,), (problem,) = rejected(tmp_path, 'interrupt(0x80, "h", style="stub")')
    assert problem.startswith(f"{path}:{line}: riscv64 has no software interrupt vectors")
    assert "irq(3, ...)" in problem


def test_options_are_refused(tmp_path):
    path, (line,), (problem,) = rejected(tmp_path, 'irq(7, "tick", style="abi", ist=1)')
    assert problem.startswith(f"{path}:{line}: vector 23 (MTI): option ist= does not exist on riscv64")


def test_error_code_claim_is_checked(tmp_path):
    path, (line,), (problem,) = rejected(tmp_path, 'exception("load-fault", "h", style="stub", error_code=True)')
    assert problem.startswith(f"{path}:{line}: vector 5 (load-fault): error_code=True disagrees with the CPU")


def test_same_cause_bound_twice(tmp_path):
    path, (first, second), (problem,) = rejected(
        tmp_path, 'exception("breakpoint", "a", style="abi")', 'exception(3, "b", style="stub")')
    assert problem.startswith(f"{path}:{second}: vector 3 (breakpoint): bound twice")
    assert f"{path}:{first}" in problem


# -- generator output --------------------------------------------------------

def test_prototypes_follow_the_style(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    assert "ISR_ABI void bp_abi(void);" in header
    assert '#define ISR_ABI __attribute__((interrupt("machine")))' in header
    assert "void ill_stub(struct trap_frame *frame);" in header
    assert re.search(r"void soft_entry\(void\);", header)


def test_frame_offsets_are_asserted_from_one_definition(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    for index, field in enumerate(arch.TRAP_FRAME):
        assert f"offsetof(struct trap_frame, {field}) == {8 * index}," in header
    assert arch.FRAME_SIZE % 16 == 0 and arch.FRAME_SIZE >= 8 * len(arch.TRAP_FRAME)


def jumps(text):
    return re.findall(r"^    j (\w+)$", text, re.M)


def test_table_has_a_jump_per_interrupt_cause_then_a_trampoline_per_exception(tmp_path):
    files = rendered(tmp_path)
    table = files["isr_table.S"]
    assert ".option norvc" in table and f".balign {arch.TABLE_ALIGN}" in table
    assert all(target.startswith("isr_guard_") for target in jumps(table)[1:])
    targets = behind_guards(jumps(table), files["isr_stubs.S"])
    slots, trampolines = targets[:16], targets[16:]
    assert slots[0] == "isr_exception_dispatch"
    assert slots[7] == "tick" and slots[3] == "soft_entry" and slots[11] == "isr_stub_27"
    assert slots[5] == "isr_default_21"
    assert len(trampolines) == 17
    assert trampolines[2] == "isr_stub_2" and trampolines[3] == "bp_abi" and trampolines[8] == "isr_stub_8"
    assert trampolines[16] == "isr_default_16"
    assert table.count("csrr t0, mscratch") == 17


def test_dispatcher_counts_down_to_each_trampoline(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    body = stubs[stubs.index("isr_exception_dispatch:"):stubs.index(".size isr_exception_dispatch")]
    assert body.index("csrw mscratch, t0") < body.index("csrr t0, mcause")
    assert re.findall(r"j isr_trampoline_(\d+)", body) == [str(c) for c in range(17)]


def test_stub_saves_every_register_but_sp_and_restores_mepc_and_mstatus(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    save = stubs[stubs.index(".macro ISR_SAVE"):stubs.index(".endm")]
    saved = re.findall(r"sd (\w+), (\d+)\(sp\)", save)
    registers = {reg for reg, _ in saved if reg != "t0"}
    assert registers == set(arch.REGISTERS) - {"sp", "t0"}
    for reg, offset in saved:
        if reg in arch.REGISTERS and reg not in ("t0", "sp"):
            assert int(offset) == arch.offset(reg)
    for csr in arch.CSRS:
        assert f"csrr t0, {csr}\n    sd t0, {arch.offset(csr)}(sp)" in save
    restore = stubs[stubs.index(".macro ISR_RESTORE_MRET"):]
    restore = restore[:restore.index(".endm")]
    assert "csrw mepc, t0" in restore and "csrw mstatus, t0" in restore
    assert restore.rstrip().endswith(f"ld sp, {arch.offset('sp')}(sp)\n    mret")
    stub = stubs[stubs.index("isr_stub_2:"):]
    assert f"addi sp, sp, -{arch.FRAME_SIZE}" in stub and "li t0, 2" in stub and "call ill_stub" in stub


def test_manifest_names_each_vectors_place_in_the_table(tmp_path):
    manifest = json.loads(rendered(tmp_path)["manifest.json"])
    table, = manifest["tables"]
    assert (table["count"], table["size"], table["align"]) == (32, 16 * 4 + 17 * 8, arch.TABLE_ALIGN)
    by_vector = {s["vector"]: s for s in manifest["vectors"]}
    assert by_vector[23]["table_entry"] == {"offset": 28}           # interrupt cause 7: BASE + 4 * 7
    assert by_vector[2]["table_entry"] == {"offset": 64 + 8 * 2}    # exception 2: its trampoline
    assert by_vector[23]["entry"] == "tick" and by_vector[19]["entry"] == "soft_entry"


def test_keep_fragment_names_the_riscv64_script(tmp_path):
    keep = rendered(tmp_path)["keep.ld"]
    assert "INCLUDEd by linker/riscv64.ld" in keep
    assert f"ALIGN({arch.TABLE_ALIGN})" in keep and "KEEP(*(.text.soft_entry))" in keep


def test_shipped_spec_uses_every_style_on_exceptions_and_interrupts():
    manifest = json.loads(render("riscv64", "isr/riscv64.py")["manifest.json"])
    styles = {}
    for slot in manifest["vectors"]:
        styles.setdefault(slot["kind"], set()).add(slot["style"])
    assert {"abi", "stub"} <= styles["exception"]
    assert {"abi", "stub", "naked"} <= styles["irq"]
