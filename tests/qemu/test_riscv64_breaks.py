"""riscv64 `break direct`: mtvec switched to direct mode. The next interrupt
enters BASE, slot 0, the exception dispatcher, which finds no exception code
in mcause and ends in the trampoline for "anything else at BASE": the default
handler reports that vector with the interrupt's real cause, as QEMU logs it."""
import re

import pytest

from qemu.int_log import entries
from tools.elf_symbols import Image

from tests import facts
from tests.qemu.qemu_log import finished_log
from tests.qemu.report import one_report
from tests.qemu.scenarios import ticks

from isr import arch_riscv64

INTERRUPT = 1 << 63


def test_break_alone_lists_it(rv):
    assert re.search(r"^  direct ", rv.run("break"), re.M)


@pytest.mark.emulator_only("the -d int log")
def test_direct_mode_sends_an_interrupt_to_base(rv, kernel):
    base = Image(kernel("riscv64")).symbols["__isr_table_start"].address
    output = rv.run("break direct")
    assert f"break: mtvec={hex(base)} mode=direct" in output
    report = one_report(output)
    at_base = next(s for s in facts.slots("riscv64") if s["vector"] == arch_riscv64.IRQ_BASE)
    assert (report["vec"], report["style"], report["note"], report["then"]) == \
        (str(at_base["vector"]), at_base["style"], "mtvec-direct", "resume")
    mcause = int(report["mcause"], 16)
    assert mcause & INTERRUPT, "an interrupt, not an exception, reached the dispatcher"
    assert output.rstrip().endswith("break direct: resumed")
    rows = {int(m[1]): m[2] for m in re.finditer(r"vec=(\d+) hex=\S+ name=\S+ mtvec=(\w+)", rv.run("vectors"))}
    assert set(rows.values()) == {"vectored"}, "restored to vectored mode"
    first, _ = ticks(rv)                     # and the interrupt it masked is back on
    rv.run("sleep 30")
    assert ticks(rv)[0] > first
    traps = entries("riscv64", finished_log(rv))
    assert any(t["interrupt"] and t["cause"] == mcause & ~INTERRUPT and t["epc"] == int(report["mepc"], 16)
               for t in traps), "QEMU logged no such interrupt at that mepc"
