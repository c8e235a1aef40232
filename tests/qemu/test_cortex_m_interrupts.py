"""cortex-m interrupts: SysTick as the tick, UART0 RX input, NVIC preemption and tail-chaining."""
import re

import pytest

from tests.facts import slot
from tests.qemu.report import reports


def style_prio(vector):
    """The style and NVIC priority the manifest gives a vector, as a report line shows them."""
    s = slot("cortex-m", vector)
    return s["style"], hex(s["options"]["priority"])
from tests.qemu.scenarios import assert_timer_rate, ticks


@pytest.mark.realtime      # the one test per arch that measures guest time against host time
def test_systick_runs_at_the_programmed_rate(cm):
    """`sleep 1000` waits for 100 SysTick interrupts at 100 Hz: a fast tick would
    end it well under a second; the upper bound only catches a badly slow one."""
    first, hz = ticks(cm)
    assert hz == 100
    assert_timer_rate(cm)
    assert ticks(cm)[0] >= first + 100


def test_irqtrace_reports_systick_from_its_handler(cm):
    cm.send("irqtrace on\r")
    cm.expect(r"\[trap\] vec=15 name=SysTick style=%s err=- pc=0x[0-9a-f]+ prio=%s stack=msp " % style_prio(15) +
              r"frame=0x[0-9a-f]+ from=thread active=15 then=resume")
    assert "irqtrace=off" in cm.run("irqtrace off")


def test_typed_characters_arrive_through_the_uart_rx_interrupt(cm):
    count = lambda: int(re.search(r"vec=16 name=UART0_RX count=(\d+)", cm.run("stats"))[1])  # noqa: E731
    before = count()
    cm.send("xyzzy")
    cm.expect("xyzzy")                         # echoed by the line editor
    assert "error: unknown command 'xyzzy'" in cm.run("")
    assert count() > before


def test_each_received_byte_raises_a_uart0_rx_report(cm):
    cm.run("irqtrace on")
    cm.send("q")
    cm.expect(r"\[trap\] vec=16 name=UART0_RX style=%s err=- pc=0x[0-9a-f]+ prio=%s stack=msp " % style_prio(16) +
              r"frame=0x[0-9a-f]+ from=thread active=16 then=resume")
    cm.send("\x15")                            # Ctrl-U: drop the line
    cm.run("irqtrace off")


def test_higher_priority_interrupt_preempts_a_lower_one(cm):
    """TIMER0 (0xc0) pends TIMER1 (0x40) from its handler: TIMER1 runs at once,
    nested inside TIMER0: its stacked xPSR names exception 24 as the code it
    interrupted, both are active, and its frame lies below TIMER0's."""
    low, high = reports(cm.run("trap preempt"))
    assert (low["vec"], low["name"], (low["style"], low["prio"])) == ("24", "TIMER0", style_prio(24))
    assert (high["vec"], high["name"], (high["style"], high["prio"])) == ("25", "TIMER1", style_prio(25))
    assert (low["from"], low["active"]) == ("thread", "24")
    assert (high["from"], high["active"]) == ("24", "24+25")
    assert int(high["frame"], 16) < int(low["frame"], 16)


@pytest.mark.emulator_only("the -d int log")
def test_equal_priority_pending_interrupts_tail_chain_in_number_order(cm):
    """IRQ11 then DUALTIMER (IRQ10) are pended while PRIMASK masks them, both
    at priority 0xa0. Unmasked, the lower exception number goes first and the
    second follows without unstacking: same frame, neither nested in the other,
    and QEMU's interrupt log says it tail-chained."""
    first, second = reports(cm.run("trap tailchain"))
    assert [(r["vec"], r["name"], r["prio"]) for r in (first, second)] == \
        [("26", "DUALTIMER", "0xa0"), ("27", "IRQ11", "0xa0")]
    assert first["frame"] == second["frame"]
    assert (first["from"], second["from"]) == ("thread", "thread")
    assert (first["active"], second["active"]) == ("26", "27")
    cm.send("exit 0\r")
    assert cm.wait_exit() == 0                 # QEMU has closed its log: every line is there
    log = cm.log_path.read_text()
    assert re.search(r"pending nonsecure exception 26\n(?:.*\n)*?.*tailchaining to pending exception\n"
                     r"(?:.*\n)*?.*pending nonsecure exception 27", log), "QEMU logged no tail-chain 26 -> 27"


@pytest.mark.console_allows("unexpected-vector")
def test_int_pends_an_unbound_irq_and_the_default_handler_masks_it(cm):
    report, = reports(cm.run("int 20"))
    assert (report["vec"], report["name"], report["style"], report["note"], report["then"]) == \
        ("20", "UART2_RX", "default", "unexpected-vector", "resume")
    first, _ = ticks(cm)
    cm.run("sleep 30")
    assert ticks(cm)[0] > first
