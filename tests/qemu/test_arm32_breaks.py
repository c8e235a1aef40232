"""arm32 `break irq-entry`: the live VBAR table's IRQ word overwritten with UDF.
The next IRQ enters it, and the UNDEF entry reports an undefined instruction
at that word, taken from IRQ mode, as QEMU logs it; its handler leaves for the
recovery point, since its UNDEF return would land on the FIQ word."""
import re

import pytest

from qemu.int_log import entries
from tools.elf_symbols import Image

from tests import facts
from tests.qemu.qemu_log import finished_log
from tests.qemu.report import one_report
from tests.qemu.scenarios import ticks


def word_of(name):
    """A VBAR word's slot and its offset in the table (the manifest's entry size)."""
    table = next(t for t in facts.tables("arm32") if t["start"] == "__isr_table_start")
    slot = next(s for s in facts.slots("arm32") if s["name"] == name)
    return slot, slot["vector"] * table["entry_size"]


def test_break_alone_lists_it(a32):
    assert re.search(r"^  irq-entry ", a32.run("break"), re.M)


@pytest.mark.emulator_only("the -d int log")
def test_irq_through_an_undefined_word_is_reported_by_the_undef_entry(a32, kernel):
    vbar = Image(kernel("arm32")).symbols["__isr_table_start"].address
    _, irq_offset = word_of("IRQ")
    undef, _ = word_of("UNDEF")
    output = a32.run("break irq-entry")
    assert f"break: vbar={hex(vbar)} irq entry={hex(vbar + irq_offset)} insn=udf" in output
    report = one_report(output)
    assert (report["vec"], report["name"], report["style"]) == (str(undef["vector"]), "UNDEF", undef["style"])
    assert (report["mode"], report["from"], report["insn"], report["then"]) == ("und", "irq", "0xe7f000f0", "recover")
    assert int(report["pc"], 16) == vbar + irq_offset, "pc is the broken word's address"
    assert output.rstrip().endswith("break irq-entry: recovered")
    first, _ = ticks(a32)                    # the word is restored: the timer's IRQs arrive again
    a32.run("sleep 30")
    assert ticks(a32)[0] > first
    logged = entries("arm32", finished_log(a32))
    undefined = [e for e in logged if e["name"] == "Undefined Instruction"]
    assert len(undefined) == 1, "QEMU logged one undefined instruction"
    assert undefined[0]["outer"] is not None and logged[undefined[0]["outer"]]["name"] == "IRQ", \
        "taken inside an IRQ that had just entered the broken word"
    assert undefined[0]["back"] is None, "no exception return: the handler left for the recovery point"
