"""x86_64 `break NAME`: the live IDT damaged one way, the vector raised, the
fault reported with the error code that names the gate (IDT bit), the table
restored and the vector working again. Each report is held to QEMU's log."""
import re

import pytest

from qemu.int_log import entries
from tests import facts
from tests.qemu.qemu_log import finished_log, qemu_idt_error, x86_logged
from tests.qemu.report import one_report, reports

# break name, the handler whose gate it damages (kernel/x86_64/breaks.c), the fault, the CPL it is raised from
CASES = [
    ("not-present", "on_soft_abi", (11, "#NP"), "0"),
    ("dpl", "on_syscall", (13, "#GP"), "3"),
    ("limit", "on_soft_abi", (13, "#GP"), "0"),
]


def test_break_alone_lists_the_experiments(x86):
    listing = x86.run("break")
    for name in [c[0] for c in CASES] + ["limit-zero"]:
        assert re.search(rf"^  {name} ", listing, re.M), name


@pytest.mark.emulator_only("the -d int log")
@pytest.mark.parametrize("name, handler, fault, cpl", CASES, ids=[c[0] for c in CASES])
def test_break_reports_the_fault_naming_the_gate_and_the_table_comes_back(x86, name, handler, fault, cpl):
    vector = facts.slot_of("x86_64", handler)["vector"]
    fault_slot = next(s for s in facts.slots("x86_64") if s["vector"] == fault[0])
    output = x86.run(f"break {name}")
    assert re.search(rf"^break: .*vec={vector}\b", output, re.M), "the damage is announced"
    report = one_report(output)
    assert (report["vec"], report["name"], report["style"]) == (str(fault[0]), fault[1], fault_slot["style"])
    assert (report["err"], report["table"], report["cpl"], report["then"]) == \
        (hex(qemu_idt_error(vector)), "idt", cpl, "recover")
    assert output.rstrip().endswith(f"break {name}: recovered")
    # Restored: the gate delivers again, from where it was raised.
    if cpl == "3":
        assert [r["sys"] for r in reports(x86.run("trap user-syscall"))] == ["echo", "exit"]
    else:
        assert one_report(x86.run(f"int {vector}"))["vec"] == str(vector)
    assert "ticks=" in x86.run("ticks")
    assert x86_logged(entries("x86_64", finished_log(x86)), report), f"QEMU logged no fault matching {report}"


@pytest.mark.emulator_only("the -d int log")
def test_idt_limit_zero_is_a_triple_fault_that_the_harness_diagnoses(x86):
    """Nothing comes back from `break limit-zero`: with no gate inside the IDT
    limit the int is #GP, #GP's own delivery fails into #DF, and #DF's into a
    shutdown. QEMU (-no-reboot) exits without a guest status, and the failed
    wait for the prompt shows QEMU's account of the chain."""
    vector = facts.slot_of("x86_64", "on_soft_abi")["vector"]
    x86.send("break limit-zero\r")
    with pytest.raises(AssertionError) as failed:
        x86.wait_prompt()
    diagnosis = str(failed.value)
    assert "QEMU exited" in diagnosis and "Triple fault" in diagnosis, diagnosis
    assert f"v=0d e={qemu_idt_error(vector):04x}" in diagnosis, diagnosis
    assert x86.wait_exit() is None, "a triple fault is not the guest's exit status"
    log = x86.log_path.read_text()
    chain = [(e["vec"], e["err"]) for e in entries("x86_64", log)][-2:]
    assert chain == [(13, qemu_idt_error(vector)), (8, 0)] and log.rstrip().endswith("Triple fault")
