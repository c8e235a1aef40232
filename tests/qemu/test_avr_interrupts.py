"""avr interrupts: the TIMER1 tick, USART0 RX input, and the tick nesting inside a nonblocking handler.

QEMU's `-d int` logs nothing on AVR, so report lines are held to the linked
ELF instead: each reported PC must lie in a function of the kernel, and the
ticks that nest in the slow handler interrupt code it runs."""
import json
import re

import pytest

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


# ATmega2560 datasheet, 17.11: TIMER1's registers in data space (QEMU maps it
# at 0x800000), and TCCR1B's clock select CS12:0 -> the prescaler.
DATA_SPACE = 0x800000
TCCR1B, OCR1A = 0x81, 0x88
WGM12 = 1 << 3                      # CTC: the counter clears on OCR1A
PRESCALER = {1: 1, 2: 8, 3: 64, 4: 256, 5: 1024}
F_CPU_HZ = 16_000_000               # QEMU's mega2560 (kernel/avr/avr.h F_CPU_HZ)


def programmed_hz(console):
    """TIMER1's tick rate as its registers are set, read from the running guest over QMP."""
    def byte(address, count=1):
        line = console.monitor.hmp(f"xp /{count}bx 0x{DATA_SPACE + address:x}")
        return [int(word, 16) for word in line.split(":", 1)[1].split()]
    control, = byte(TCCR1B)
    low, high = byte(OCR1A, 2)
    assert control & WGM12, f"TCCR1B=0x{control:02x}: not in CTC mode on OCR1A"
    return F_CPU_HZ / PRESCALER[control & 7] / ((high << 8 | low) + 1)


@pytest.mark.emulator_only("QMP (TIMER1's registers)")
def test_timer1_runs_at_the_programmed_rate(avr):
    first, hz = ticks(avr)
    assert hz == 100
    assert programmed_hz(avr) == hz
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


def test_int_32_runs_the_slow_nonblocking_handler_and_the_ticks_nest_in_it(avr):
    """`int 32` reaches the same handler as `trap nest` (tests/qemu/test_nesting.py
    has the shared row): the nested ticks report before it, each in code the slow
    handler runs (libgcc's 64-bit compare among them), never where `int` raised it."""
    slow = slot_of(32)
    assert slow["style"] == "abi" and slow["options"]["nonblocking"]
    output = avr.run("int 32")
    found = reports(output)
    nested = [r for r in found if r["vec"] == "17"]
    last = found[-1]
    assert (last["vec"], last["name"], last["style"], last["depth"], last["nonblocking"]) == \
        ("32", "TIMER3_COMPA", "abi", "1", "1")
    assert int(last["preempted"]) == len(nested) >= 3
    assert all((r["depth"], r["note"]) == ("2", "nested") for r in nested)
    raised_in = code_symbol(avr.elf, int(last["pc"], 16))
    for tick in nested:
        assert code_symbol(avr.elf, int(tick["pc"], 16)) not in (None, raised_in, "__vector_17"), tick
    assert output.rstrip().endswith("int 32: returned")
