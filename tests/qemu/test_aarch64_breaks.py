"""aarch64 `break irq-entry`: the live VBAR_EL1 table's EL1H_IRQ entry
overwritten with UDF. The next IRQ enters it, and the synchronous entry
reports an undefined instruction at that entry's address, as QEMU logs it."""
import re

import pytest

from qemu.int_log import entries
from tools.elf_symbols import Image

from tests import facts
from tests.qemu.qemu_log import finished_log
from tests.qemu.report import one_report
from tests.qemu.scenarios import ticks


def entry_of(name):
    """A VBAR entry's vector and its offset in the table (the manifest's entry size)."""
    table = next(t for t in facts.tables("aarch64") if t["start"] == "__isr_table_start")
    slot = next(s for s in facts.slots("aarch64") if s["name"] == name)
    return slot, slot["vector"] * table["entry_size"]


def test_break_alone_lists_it(a64):
    assert re.search(r"^  irq-entry ", a64.run("break"), re.M)


@pytest.mark.emulator_only("the -d int log")
def test_irq_through_an_undefined_entry_is_reported_by_the_sync_entry(a64, aarch64_kernel):
    vbar = Image(aarch64_kernel).symbols["__isr_table_start"].address
    _, irq_offset = entry_of("EL1H_IRQ")
    sync, sync_offset = entry_of("EL1H_SYNC")
    output = a64.run("break irq-entry")
    assert f"break: vbar={hex(vbar)} irq entry={hex(vbar + irq_offset)} insn=udf" in output
    report = one_report(output)
    assert (report["vec"], report["name"], report["style"]) == (str(sync["vector"]), "EL1H_SYNC", sync["style"])
    assert (report["class"], report["ec"], report["then"]) == ("undefined", "0x0", "recover")
    assert int(report["elr"], 16) == vbar + irq_offset, "ELR is the broken entry's address"
    assert output.rstrip().endswith("break irq-entry: recovered")
    first, _ = ticks(a64)                    # the entry is restored: the timer's IRQs arrive again
    a64.run("sleep 30")
    assert ticks(a64)[0] > first
    logged = entries("aarch64", finished_log(a64))
    undefined = [i for i, e in enumerate(logged) if e["name"] == "Undefined Instruction"
                 and e["elr"] == vbar + irq_offset]
    assert undefined, "QEMU logged no undefined instruction at the IRQ entry"
    i = undefined[0]
    assert (logged[i]["esr"], logged[i]["pc"]) == (int(report["err"], 16), vbar + sync_offset)
    assert logged[i - 1]["name"] == "IRQ" and logged[i - 1]["pc"] == vbar + irq_offset, \
        "an IRQ entered the broken entry just before"
