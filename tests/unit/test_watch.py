"""qemu/watch.py without QEMU: which console lines fail a test at once."""
import pytest

from qemu.watch import Watch

REPORT = "[trap] vec=3 name=#BP style=abi err=- rip=0x1 then=resume"


def test_the_first_banner_is_expected_the_second_is_a_reset():
    watch = Watch()
    assert watch.check("boot: x86_64 kernel up, 256 vectors\r\n") is None
    assert watch.check("boot: x86_64 kernel up, 256 vectors\r\n")[0] == "reset"


def test_a_report_is_expected_only_from_trap_int_or_irqtrace():
    watch = Watch()
    watch.typed("trap bp\r")
    assert watch.check(REPORT) is None
    watch.typed("ticks\r")
    assert watch.check(REPORT)[0] == "trap"
    assert watch.check(f"irqtrace=on\n{REPORT}\nirqtrace=off\n") is None
    assert watch.check(f"irqtrace=off\n{REPORT}\n")[0] == "trap"


def test_a_report_that_splits_the_irqtrace_on_answer_is_expected():
    """Seen on avr: the tick's report, printed from its handler, landed inside `irqtrace=on`."""
    watch = Watch()
    watch.typed("irqtrace on\r")
    split = "i[trap] vec=17 name=TIMER1_COMPA style=abi err=- pc=0x375e then=resume\r\nrqtrace=on\r\n"
    assert watch.check(split + "avr> ") is None
    watch.typed("ticks\r")
    assert watch.check(REPORT.replace("vec=3", "vec=25")) is None
    watch.typed("irqtrace off\r")
    assert watch.check(f"{REPORT}\nirqtrace=off\n") is None
    assert watch.check(REPORT)[0] == "trap"


@pytest.mark.parametrize("line, name", [("[trap] vec=8 name=#DF style=stub err=0x0 rip=0x1 then=halt", "halt"),
                                        ("[trap] vec=68 name=SW style=default err=- rip=0x1 "
                                         "note=unexpected-vector then=resume", "unexpected-vector")])
def test_halt_and_unexpected_vector_fail_even_from_trap(line, name):
    watch = Watch()
    watch.typed("trap x\r")
    assert watch.check(line)[:2] == (name, line)
    allowing = Watch(allowed=[name])
    allowing.typed("trap x\r")
    assert allowing.check(line) is None


def test_an_unknown_pattern_name_is_refused():
    with pytest.raises(KeyError, match="no bad pattern named halted"):
        Watch(allowed=["halted"])


def test_a_storm_line_fails_at_once_wherever_it_comes_unless_allowed():
    storm = "[storm] vec=23 name=m_timer count=256 masked=mie.MTIE ack=write mtimecmp"
    watch = Watch()
    watch.typed("trap ecall\r")                  # even a command that raises interrupts on purpose
    assert watch.check(storm + "\r\n")[0] == "storm"
    assert Watch(allowed=("storm",)).check(storm + "\r\n") is None
