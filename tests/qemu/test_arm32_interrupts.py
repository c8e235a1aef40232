"""arm32 interrupts through the GIC: the timer on IRQ, PL011 RX on IRQ, SGIs
from `int N` to IRQ or FIQ as the spec groups them, a FIQ nesting in a slow
IRQ handler and never the reverse, and QEMU's log of which entry it took."""
import re

import pytest

from qemu.int_log import entries
from tests import facts
from tests.qemu.qemu_log import finished_log
from tests.qemu.report import one_report, only, reports
from tests.qemu.scenarios import assert_timer_rate, ticks


def slots():
    return facts.slots("arm32")


def slot(name):
    """A vector's slot by its name (IRQ) or by the handler the kernel binds (on_sgi_slow)."""
    return next(s for s in slots() if name in (s["name"], s["handler"]))


def count(stats, vector):
    match = re.search(rf"vec={vector} name=\S+ count=(\d+)", stats)
    return int(match[1]) if match else 0


def kind(vector_slot):
    return "fiq" if vector_slot["options"]["fiq"] else "irq"


def report_pattern(vector_slot, depth=1):
    intid = vector_slot["vector"] - 8
    return (rf"\[trap\] vec={vector_slot['vector']} name={vector_slot['name']} style={vector_slot['style']} "
            rf"err=- pc=0x[0-9a-f]+ lr=0x[0-9a-f]+ mode={kind(vector_slot)} from=sys intid={intid} "
            rf"kind={kind(vector_slot)} depth={depth} then=resume")


def test_ticks_advance(a32):
    first, hz = ticks(a32)
    assert hz == 100
    a32.run("sleep 50")
    assert ticks(a32)[0] > first


@pytest.mark.realtime      # the one test per arch that measures guest time against host time
def test_timer_runs_at_the_programmed_rate(a32):
    assert_timer_rate(a32)


def test_irqtrace_reports_the_timer_with_its_intid_and_kind(a32):
    a32.send("irqtrace on\r")
    a32.expect(report_pattern(slot("on_timer_tick")))
    assert "irqtrace=off" in a32.run("irqtrace off")


def test_each_received_byte_raises_the_uart_interrupt(a32):
    uart = slot("on_uart_rx")
    before = count(a32.run("stats"), uart["vector"])
    a32.run("irqtrace on")
    a32.send("q")
    a32.expect(report_pattern(uart))
    a32.send("\x15")                         # Ctrl-U: drop the line
    a32.run("irqtrace off")
    assert count(a32.run("stats"), uart["vector"]) > before


def test_typed_characters_reach_the_shell_through_the_interrupt(a32):
    a32.send("xyzzy")
    a32.expect("xyzzy")                      # echoed by the line editor
    assert "error: unknown command 'xyzzy'" in a32.run("")
    a32.send("tixx\x7f\x7fcks")
    assert re.search(r"ticks=\d+ hz=100", a32.run(""))


def quick_sgis():
    """Bound SGIs whose handler reports at once, in the spec's group (not the slow
    ones, nor the bench handlers of reports/cost.py, which only count)."""
    return [s for s in slots()[8:24]
            if s["style"] != "default" and not s["handler"].endswith("_slow") and not s.get("bench")]


@pytest.mark.emulator_only("the -d int log")
def test_int_raises_each_sgi_at_the_entry_of_its_group(a32):
    sgis = quick_sgis()
    assert {kind(s) for s in sgis} == {"irq", "fiq"} and {s["style"] for s in sgis} >= {"stub", "naked"}
    returns = []
    for sgi in sgis:
        output = a32.run(f"int {sgi['vector']}")
        report = one_report(output)
        assert re.fullmatch(report_pattern(sgi), output.splitlines()[0]), output
        assert output.rstrip().endswith(f"int {sgi['vector']}: returned")
        returns.append((kind(sgi).upper(), (kind(sgi), "sys", int(report["pc"], 16))))
    # QEMU took each at the IRQ or FIQ entry, and returned to the reported pc.
    logged = [(e["name"], e["back"]) for e in entries("arm32", finished_log(a32))]
    for taken in returns:
        assert taken in logged, taken


@pytest.mark.emulator_only("the -d int log")
def test_a_fiq_preempts_a_slow_irq_handler(a32):
    """The slow SGI handler starts the virtual timer (group 0) and waits in IRQ
    mode: the FIQ handler runs nested, depth 2, interrupting IRQ mode, and the
    slow handler reports after it with the FIQ it saw."""
    slow, fiq = slot("on_sgi_slow"), slot("on_vtimer_fiq")
    assert (kind(slow), kind(fiq)) == ("irq", "fiq")
    output = a32.run(f"int {slow['vector']}")
    nested, outer = reports(output)
    assert (nested["vec"], nested["kind"], nested["mode"], nested["from"], nested["depth"], nested["note"]) == \
        (str(fiq["vector"]), "fiq", "fiq", "irq", "2", "nested")
    assert (outer["vec"], outer["kind"], outer["mode"], outer["depth"], outer["fiqs"]) == \
        (str(slow["vector"]), "irq", "irq", "1", "1")
    assert output.rstrip().endswith(f"int {slow['vector']}: returned")
    # QEMU saw the same: a FIQ taken inside an IRQ, returning to IRQ mode at the reported pc.
    logged = entries("arm32", finished_log(a32))
    fiq = only([e for e in logged if e["back"] == ("fiq", "irq", int(nested["pc"], 16))],
               "FIQ in QEMU's log that returns to IRQ mode at the reported pc", logged)
    assert fiq["name"] == "FIQ" and logged[fiq["outer"]]["name"] == "IRQ"


@pytest.mark.emulator_only("the -d int log")
def test_an_irq_never_preempts_a_slow_fiq_handler(a32):
    """The slow FIQ handler spins for three timer periods: FIQ entry masks IRQs,
    so no tick arrives meanwhile, nothing reports nested, and the GIC holds
    the timer's interrupt pending until it returns."""
    slow, tick = slot("on_sgi_fiq_slow"), slot("on_timer_tick")
    assert kind(slow) == "fiq"
    before = ticks(a32)[0]
    output = a32.run(f"int {slow['vector']}")
    report = one_report(output)
    assert (report["vec"], report["kind"], report["mode"], report["depth"]) == (str(slow["vector"]), "fiq", "fiq", "1")
    assert int(report["spun"].removesuffix("us")) >= 3 * 1000000 // 100 and report["ticks"] == "0"
    assert report["pending"] == str(tick["vector"] - 8)
    assert "note=" not in output
    assert ticks(a32)[0] > before, "the held-off ticks arrive once the FIQ handler returns"
    # QEMU took nothing inside the FIQ, which returned to SYS mode at the reported pc.
    logged = entries("arm32", finished_log(a32))
    fiq = only([e for e in logged if e["name"] == "FIQ"], "FIQ in QEMU's log", logged)
    assert (fiq["back"], fiq["inner"], fiq["outer"]) == (("fiq", "sys", int(report["pc"], 16)), 0, None)


@pytest.mark.console_allows("unexpected-vector")
def test_unbound_sgi_reaches_the_default_handler(a32):
    unbound = next(s for s in slots()[8:24] if s["style"] == "default")
    report = one_report(a32.run(f"int {unbound['vector']}"))
    assert (report["vec"], report["style"], report["kind"], report["note"], report["then"]) == \
        (str(unbound["vector"]), "default", "irq", "unexpected-vector", "resume")


def test_int_refuses_what_software_cannot_raise(a32):
    assert "error: vector 4 (DABT) is a CPU exception, not raised by `int`" in a32.run("int 4")
    timer = slot("on_timer_tick")
    assert f"error: vector {timer['vector']} ({timer['name']}) is a device interrupt" in a32.run(f"int {timer['vector']}")
    count_ = len(slots())
    assert f"error: usage: int N, with N from 0 to {count_ - 1}" in a32.run(f"int {count_}")


def test_irq_and_fiq_entries_with_nothing_pending_are_spurious_and_get_no_eoi(a32):
    """`int 6` and `int 7` enter the IRQ and FIQ words by software: GICC_IAR
    answers 1023. An EOI for it would end whatever interrupt is active; the
    timer and both kinds of SGI must keep working."""
    for vector, name, mode in ((6, "IRQ", "irq"), (7, "FIQ", "fiq")):
        output = a32.run(f"int {vector}")
        report = one_report(output)
        assert (report["vec"], report["name"], report["style"], report["mode"], report["intid"], report["note"]) \
            == (str(vector), name, slot(name)["style"], mode, "1023", "spurious")
        assert output.rstrip().endswith(f"int {vector}: returned")
    first, _ = ticks(a32)
    a32.run("sleep 30")
    assert ticks(a32)[0] > first
    for sgi in quick_sgis():
        assert one_report(a32.run(f"int {sgi['vector']}"))["kind"] == kind(sgi)
