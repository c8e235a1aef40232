"""Hardware interrupts: the PIT tick on IRQ 0, COM1 input on IRQ 4, and the
8259's spurious IRQ 7 and 15."""
import re

import pytest

from tests.facts import slot, style
from tests.qemu.report import reports
from tests.qemu.scenarios import assert_timer_rate, ticks


def if_in_handler(vector):
    """RFLAGS.IF in an IRQ handler: an interrupt gate clears it, a trap gate keeps
    the interrupted code's (set: the shell runs with interrupts on)."""
    return 1 if slot("x86_64", vector)["options"].get("gate") == "trap" else 0


def test_ticks_advance(x86):
    first, hz = ticks(x86)
    assert hz == 100
    x86.run("sleep 50")
    assert ticks(x86)[0] > first


@pytest.mark.realtime      # the one test per arch that measures guest time against host time
def test_timer_runs_at_the_programmed_rate(x86):
    assert_timer_rate(x86)


def test_irqtrace_reports_timer_interrupts_from_their_handler(x86):
    x86.send("irqtrace on\r")
    line = x86.expect(rf"\[trap\] vec=32 name=IRQ0 style={style('x86_64', 32)} err=- rip=0x[0-9a-f]+ "
                      rf"cpl=0 stack=kernel if={if_in_handler(32)} then=resume")
    assert line
    assert "irqtrace=off" in x86.run("irqtrace off")


def test_typed_characters_arrive_through_irq4_and_are_echoed(x86):
    before = x86.run("stats")
    count_before = int(re.search(r"vec=36 name=IRQ4 count=(\d+)", before)[1])
    x86.send("xyzzy")
    x86.expect("xyzzy")                       # echoed by the line editor
    output = x86.run("")                      # Enter on the typed line
    assert "error: unknown command 'xyzzy'" in output
    count_after = int(re.search(r"vec=36 name=IRQ4 count=(\d+)", x86.run("stats"))[1])
    # One interrupt per burst at least: 5 letters, Enter, "stats" and its Enter.
    assert count_after > count_before


def test_each_received_byte_raises_an_irq4_report(x86):
    x86.run("irqtrace on")
    x86.send("q")
    x86.expect(rf"\[trap\] vec=36 name=IRQ4 style={style('x86_64', 36)} err=- rip=0x[0-9a-f]+ "
               rf"cpl=0 stack=kernel if={if_in_handler(36)} then=resume")
    x86.send("\x15")                          # Ctrl-U: drop the line
    x86.run("irqtrace off")


def test_line_editor_backspace_and_kill(x86):
    x86.send("tixx\x7f\x7fcks")              # "ti", two letters erased, "cks"
    output = x86.run("")
    assert re.search(r"ticks=\d+ hz=100", output), output
    x86.send("garbage\x15help")               # Ctrl-U kills the whole line
    assert "commands:" in x86.run("")


def test_spurious_irq7_gets_no_eoi_and_the_pic_keeps_working(x86):
    """A vector 39 with IRQ 7 not in service is spurious: reported, and no EOI,
    which would otherwise end a real interrupt. The timer must keep ticking."""
    report, = reports(x86.run("int 39"))
    assert (report["name"], report["style"], report["note"]) == ("IRQ7", style("x86_64", 39), "spurious")
    first, _ = ticks(x86)
    x86.run("sleep 30")
    assert ticks(x86)[0] > first


def test_spurious_irq15_is_reported_and_the_pic_keeps_working(x86):
    report, = reports(x86.run("int 47"))
    assert (report["name"], report["style"], report["note"]) == ("IRQ15", style("x86_64", 47), "spurious")
    first, _ = ticks(x86)
    x86.run("sleep 30")
    assert ticks(x86)[0] > first
