"""x86_64 `break NAME`: the live IDT damaged one way, the vector raised, the
fault reported with the error code that names the gate (IDT bit), the table
restored and the vector working again. Each report is held to QEMU's log."""
import re

import pytest

from tests.qemu import manifest
from tests.qemu.qemu_log import finished_log, qemu_idt_error, x86_events, x86_logged
from tests.qemu.report import one_report, reports

# break name, the handler whose gate it damages (kernel/x86_64/breaks.c), the fault, the CPL it is raised from
CASES = [
    ("not-present", "on_soft_abi", (11, "#NP"), "0"),
    ("dpl", "on_syscall", (13, "#GP"), "3"),
    ("limit", "on_soft_abi", (13, "#GP"), "0"),
]


def test_break_alone_lists_the_experiments(x86):
    listing = x86.run("break")
    for name, *_ in CASES:
        assert re.search(rf"^  {name} ", listing, re.M), name


@pytest.mark.parametrize("name, handler, fault, cpl", CASES, ids=[c[0] for c in CASES])
def test_break_reports_the_fault_naming_the_gate_and_the_table_comes_back(x86, name, handler, fault, cpl):
    vector = manifest.slot_of("x86_64", handler)["vector"]
    fault_slot = next(s for s in manifest.slots("x86_64") if s["vector"] == fault[0])
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
    assert x86_logged(x86_events(finished_log(x86)), report), f"QEMU logged no fault matching {report}"
