"""avr interrupts: the TIMER1 tick, USART0 RX input, and the tick nesting inside a nonblocking handler.

QEMU's `-d int` logs nothing on AVR, so report lines are held to the linked
ELF instead: each reported PC must lie in a function of the kernel, and the
ticks that nest in the slow handler interrupt code it runs."""
import json
import re

from tools import toolchain
from tools.elf_symbols import Image
from tools.symbolize import Symbolizer

from tests.qemu.report import reports
from tests.qemu.scenarios import assert_timer_rate, ticks


def code_symbol(elf, address):
    """The code symbol at or before address (libgcc's assembly routines, such as
    __cmpdi2, are untyped: Symbolizer, which reads functions only, misses them)."""
    code = [s for s in Image(elf).symbols.values() if s.executable and s.kind in ("STT_FUNC", "STT_NOTYPE")
            and not s.name.startswith(".")]
    below = [s for s in code if s.address <= address]
    return max(below, key=lambda s: s.address).name if below else None


def slot_of(vector):
    manifest = json.loads((toolchain.build_dir("avr") / "gen" / "manifest.json").read_text())
    return next(s for s in manifest["vectors"] if s["vector"] == vector)


def test_timer1_runs_at_the_programmed_rate(avr):
    first, hz = ticks(avr)
    assert hz == 100
    assert_timer_rate(avr)
    assert ticks(avr)[0] >= first + 100


def test_irqtrace_reports_the_tick_from_its_handler(avr):
    tick = slot_of(17)
    avr.send("irqtrace on\r")
    match = avr.expect(rf"\[trap\] vec=17 name=TIMER1_COMPA style={tick['style']} err=- pc=(0x[0-9a-f]+)[^\n]* then=resume")
    assert Symbolizer(avr.elf).function(int(match[1], 16)), f"pc {match[1]} is in no function of the kernel"
    avr.send("irqtrace off\r")
    avr.expect("irqtrace=off")


def test_typed_characters_arrive_through_the_usart0_rx_interrupt(avr):
    count = lambda: int(re.search(r"vec=25 name=USART0_RX count=(\d+)", avr.run("stats"))[1])  # noqa: E731
    before = count()
    avr.send("xyzzy")
    avr.expect("xyzzy")                          # echoed by the line editor
    assert "error: unknown command 'xyzzy'" in avr.run("")
    assert count() > before


def test_each_received_byte_raises_a_usart0_rx_report(avr):
    rx = slot_of(25)
    avr.run("irqtrace on")
    avr.send("q")
    avr.expect(rf"\[trap\] vec=25 name=USART0_RX style={rx['style']} err=- pc=0x[0-9a-f]+ ")
    avr.send("\x15")                             # Ctrl-U: drop the line
    avr.run("irqtrace off")


def test_the_tick_nests_inside_a_slow_nonblocking_handler(avr):
    """`trap nest` raises TIMER3 compare A, whose abi handler is nonblocking
    (sei first) and spins for two ticks: the blocking tick runs inside it
    (nested=1, PCs in the code the slow handler runs), and the slow handler
    reports the ticks that preempted it, after them."""
    slow = slot_of(32)
    assert slow["style"] == "abi" and slow["options"]["nonblocking"]
    output = avr.run("trap nest")
    found = reports(output)
    nested = [r for r in found if r["vec"] == "17" and r.get("nested") == "1"]
    last = found[-1]
    assert (last["vec"], last["name"], last["style"], last["nonblocking"]) == ("32", "TIMER3_COMPA", "abi", "1")
    assert int(last["preempted"]) >= 2 and len(nested) >= 2
    assert found.index(nested[-1]) < found.index(last)
    symbolizer = Symbolizer(avr.elf)
    outer = symbolizer.function(int(last["pc"], 16))
    assert outer and outer[0] != "__vector_32"
    for tick in nested:
        where = code_symbol(avr.elf, int(tick["pc"], 16))
        assert where and where != outer[0], (tick["pc"], where)
    assert output.rstrip().endswith("trap nest: resumed")
    assert "irqtrace=on" not in avr.run("ticks")
