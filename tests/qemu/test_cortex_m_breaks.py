"""cortex-m `break NAME`: the vector table made wrong, then a UsageFault
raised through it. A word without the Thumb bit, or an empty table, makes the
handler start in ARM state: INVSTATE, which UsageFault, already active,
cannot take itself: a HardFault with forced=, at the PC QEMU loaded. The
kernel unwinds the broken UsageFault and the shell comes back."""
import re

import pytest

from qemu.int_log import entries
from tools.elf_symbols import Image

from tests import facts
from tests.qemu.qemu_log import finished_log
from tests.qemu.report import one_report
from tests.qemu.scenarios import ticks

USAGE_FAULT, HARD_FAULT = 6, 3      # ARMv7-M exception numbers, fixed by the architecture


def test_break_alone_lists_them(cm):
    listing = cm.run("break")
    for name in ("thumb", "vtor-empty"):
        assert re.search(rf"^  {name} ", listing, re.M), name


@pytest.mark.emulator_only("the -d int log")
@pytest.mark.parametrize("name", ["thumb", "vtor-empty"])
def test_broken_usage_fault_vector_escalates_to_hard_fault(cm, cortex_m_kernel, name):
    image = Image(cortex_m_kernel)
    usage = next(s for s in facts.slots("cortex-m") if s["vector"] == USAGE_FAULT)
    hard = next(s for s in facts.slots("cortex-m") if s["vector"] == HARD_FAULT)
    output = cm.run(f"break {name}")
    vtor = int(re.search(r"^break: vtor=(0x[0-9a-f]+)", output, re.M)[1], 16)
    report = one_report(output)
    assert (report["vec"], report["name"], report["style"]) == (str(HARD_FAULT), "HardFault", hard["style"])
    assert (report["forced"], report["from"], report["active"], report["then"]) == \
        ("priority", str(USAGE_FAULT), f"{HARD_FAULT}+{USAGE_FAULT}", "recover")
    assert "invstate" in report["fault"].split(",")
    pc = int(report["pc"], 16)
    if name == "thumb":
        assert vtor == image.symbols["__isr_table_start"].address
        assert pc == image.symbols[facts.table_symbol(usage)].address & ~1, "the word's address, Thumb bit dropped"
    else:
        assert vtor != image.symbols["__isr_table_start"].address and pc == 0
    assert output.rstrip().endswith(f"break {name}: recovered")
    assert one_report(cm.run("trap undef"))["name"] == "UsageFault", "the table is whole again"
    first, _ = ticks(cm)
    cm.run("sleep 30")
    assert ticks(cm)[0] > first
    fetched = [{k: e[k] for k in ("element", "at", "pc", "taken")}
               for e in entries("cortex-m", finished_log(cm)) if e["name"] == "v7M INVSTATE UsageFault"]
    assert {"element": USAGE_FAULT, "at": vtor + 4 * USAGE_FAULT, "pc": pc, "taken": HARD_FAULT} in fetched
