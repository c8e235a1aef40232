"""aarch64 interrupts through the GIC: the generic timer PPI, PL011 RX SPI,
SGIs from `int N`, a spurious acknowledge (1023), and nesting."""
import re

import pytest

from tests.facts import style
from tests.qemu.report import one_report, reports
from tests.qemu.scenarios import assert_timer_rate, ticks


def count(stats, vector):
    match = re.search(rf"vec={vector} name=\S+ count=(\d+)", stats)
    return int(match[1]) if match else 0


def test_ticks_advance(a64):
    first, hz = ticks(a64)
    assert hz == 100
    a64.run("sleep 50")
    assert ticks(a64)[0] > first


@pytest.mark.realtime      # the one test per arch that measures guest time against host time
def test_timer_runs_at_the_programmed_rate(a64):
    assert_timer_rate(a64)


def test_irqtrace_reports_timer_ppi_with_its_intid(a64):
    a64.send("irqtrace on\r")
    a64.expect(rf"\[trap\] vec=46 name=PPI30 style={style('aarch64', 46)} err=- elr=0x[0-9a-f]+ intid=30 depth=1 then=resume")
    assert "irqtrace=off" in a64.run("irqtrace off")


def test_each_received_byte_raises_the_uart_spi(a64):
    before = count(a64.run("stats"), 49)
    a64.run("irqtrace on")
    a64.send("q")
    a64.expect(rf"\[trap\] vec=49 name=SPI33 style={style('aarch64', 49)} err=- elr=0x[0-9a-f]+ intid=33 depth=1 then=resume")
    a64.send("\x15")                         # Ctrl-U: drop the line
    a64.run("irqtrace off")
    assert count(a64.run("stats"), 49) > before


def test_typed_characters_reach_the_shell_through_the_interrupt(a64):
    a64.send("xyzzy")
    a64.expect("xyzzy")                      # echoed by the line editor
    assert "error: unknown command 'xyzzy'" in a64.run("")
    a64.send("tixx\x7f\x7fcks")              # line editing works the same as on x86_64
    assert re.search(r"ticks=\d+ hz=100", a64.run(""))


def test_int_raises_an_sgi_per_style(a64):
    for vector, name in ((16, "SGI0"), (18, "SGI2")):
        output = a64.run(f"int {vector}")
        report = one_report(output)
        assert (report["vec"], report["name"], report["style"], report["err"], report["intid"],
                report["depth"], report["then"]) == \
            (str(vector), name, style("aarch64", vector), "-", str(vector - 16), "1", "resume")
        assert output.rstrip().endswith(f"int {vector}: returned")
    assert a64.run("int 0x10").rstrip().endswith("int 0x10: returned"), "echoed as typed"


def test_irq_entry_with_nothing_pending_is_spurious_1023_and_gets_no_eoi(a64):
    """`int 5` enters the EL1H_IRQ entry by software: GICC_IAR answers 1023.
    Had the dispatcher written an EOI for it, the GIC would be confused; the
    timer and SGIs must keep working."""
    report = one_report(a64.run("int 5"))
    assert (report["vec"], report["name"], report["intid"], report["note"]) == ("5", "EL1H_IRQ", "1023", "spurious")
    first, _ = ticks(a64)
    a64.run("sleep 30")
    assert ticks(a64)[0] > first
    assert one_report(a64.run("int 16"))["name"] == "SGI0"


def test_timer_preempts_a_slow_handler_that_unmasks_irqs(a64):
    """SGI 1 (priority 0xa0) unmasks IRQs and waits for 3 ticks; the timer
    (0x80) preempts it: its reports come first, at depth 2, marked nested,
    then the slow handler's own at depth 1 with the ticks it saw."""
    output = a64.run("int 17")
    found = reports(output)
    nested = [r for r in found if r["name"] == "PPI30"]
    slow = [r for r in found if r["name"] == "SGI1"]
    assert len(nested) >= 3 and len(slow) == 1, output
    assert all((r["depth"], r["note"]) == ("2", "nested") for r in nested), output
    assert (slow[0]["depth"], slow[0]["style"]) == ("1", style("aarch64", 17))
    assert int(slow[0]["preempted"]) >= 3
    assert found[-1]["name"] == "SGI1", "the slow handler reports after the ticks that nested in it"
    assert output.rstrip().endswith("int 17: returned")


@pytest.mark.console_allows("unexpected-vector")
def test_unbound_vbar_entry_reaches_the_default_handler(a64):
    report = one_report(a64.run("int 2"))
    assert (report["vec"], report["name"], report["style"], report["note"], report["then"]) == \
        ("2", "EL1T_FIQ", "default", "unexpected-vector", "resume")


def test_int_refuses_what_software_cannot_raise(a64):
    assert "error: vector 4 (EL1H_SYNC) reports a syndrome in ESR_EL1" in a64.run("int 4")
    assert "error: vector 46 (PPI30) is a device interrupt" in a64.run("int 46")
    assert "error: usage: int N, with N from 0 to 79" in a64.run("int 80")
