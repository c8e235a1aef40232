"""Interrupt storms: on each arch, a test-only kernel whose handler never acknowledges its source.

The variant is the build's own objects linked with a spec that rebinds one
vector to `on_storm` (a C file written here) instead of the kernel's handler.
The storm guard (kernel/storm.c) must mask the source after STORM_LIMIT
entries with no shell in between and print one `[storm]` line naming the
vector, the count, the mask and what the handler should have done, which is
the arch model's acknowledge() text.
"""
import re
import resource
from dataclasses import dataclass

import pytest

from isr import arches
from isr.generate import generate
from isr.load import arch_model
from qemu.console import Console, ConsoleError
from tools import toolchain

from tests.elf.artifacts import compile_generated, hand_written_objects
from tests.facts import slot

STORM = re.compile(r"\[storm\] vec=(?P<vec>\d+) name=(?P<name>\S+) count=(?P<count>\d+) "
                   r"masked=(?P<masked>\S+) ack=(?P<ack>[^\r\n]+)\r*\n")


def storm_limit():
    return int(re.search(r"#define STORM_LIMIT (\d+)", (toolchain.ROOT / "kernel" / "storm.h").read_text())[1])


@dataclass
class Storm:
    vector: int
    binding: str        # the variant spec's line for it
    source: str         # the handler that forgets to acknowledge
    masked: str         # what the arch's storm mask reports
    typed: str = ""     # a byte that starts it (a UART storm); else `int vector`, or nothing
    command: str = ""
    shell_survives: bool = True
    command_rearms: bool = False    # the command enables the source again: run it once


ROWS = {
    # Forgets clint_soft_clear(): msip stays 1, so MSIP is pending again at mret.
    "riscv64": Storm(19, 'irq(3, "on_storm", style="abi"),', """\
#include "isr.h"
#include "stats.h"

ISR_ABI void on_storm(void)
{
    stats_count(ISR_VEC_MSI);
}
""", "mie.MSIE", command="int 19"),
    # Ends the interrupt at the PIC but never reads the UART. An edge-triggered
    # 8259 would never see the request that stays up again, so the handler
    # first makes IRQ 4 level-triggered (ELCR), as IOAPIC and PCI lines are.
    # QEMU's 8259 samples a line only when its device drives it, and the
    # 16550 drives it again only on a change: another byte (held back while
    # the FIFO is at its 1-byte trigger level) or its FIFO timeout, 4
    # character times after the byte, which a loaded host may let pass before
    # the handler has run. So the handler turns the RX interrupt off and on:
    # the line is driven high again, now seen as a level, and the byte stays.
    "x86_64": Storm(36, 'irq(4, "on_storm", style="stub"),', """\
#include "isr.h"
#include "memlayout.h"
#include "pic8259.h"
#include "stats.h"
#include "x86.h"

#define PIC1_ELCR 0x4d0     /* edge/level control of the master's lines */
#define COM1_IER (COM1_PORT + 1)
#define IER_RX_AVAILABLE 0x01

void on_storm(struct trap_frame *frame)
{
    outb(PIC1_ELCR, inb(PIC1_ELCR) | (1 << 4));
    outb(COM1_IER, 0);
    outb(COM1_IER, IER_RX_AVAILABLE);
    stats_count((unsigned)frame->vector);
    pic_eoi(4);
}
""", "pic-imr", typed="a", shell_survives=False),
    # Never re-arms the timer: its level stays high after gic_dispatch's EOI.
    "aarch64": Storm(46, 'irq(30, "on_storm", style="stub", priority=0x80),', """\
#include "isr.h"
#include "stats.h"

void on_storm(struct trap_frame *frame)
{
    stats_count((unsigned)frame->vector);
}
""", "gicd-icenabler"),
    # The same on arm32: the PL1 timer's level stays high after gic_irq's EOI.
    "arm32": Storm(38, 'irq(30, "on_storm", style="stub", priority=0xa0),', """\
#include "isr.h"
#include "stats.h"

void on_storm(const struct gic_irq *irq)
{
    stats_count(ISR_IRQ_BASE + irq->intid);
}
""", "gicd-icenabler"),
    # Never clears the CMSDK UART's RX interrupt: the line pends the IRQ again at exception return.
    "cortex-m": Storm(16, 'irq(0, "on_storm", style="abi", priority=0x80),', """\
#include "isr.h"
#include "stats.h"

void on_storm(void)
{
    stats_count(ISR_VEC_UART0_RX);
}
""", "nvic-icer", typed="a", shell_survives=False),
    # Never reads UDR0: on the ATmega2560 RXC0 stays set (datasheet 22.7.3: only
    # a read of UDR0 clears it), so USART0_RX is taken again after every reti.
    # QEMU 7.2 clears a source's pending bit when it takes the vector
    # (target/avr/helper.c, avr_cpu_exec_interrupt), as hardware does only for
    # flags such as TIMER1's: no storm comes, hence the strict xfail below.
    "avr": Storm(25, 'irq("USART0_RX", "on_storm", style="stub"),', """\
#include "isr.h"
#include "stats.h"

void on_storm(struct trap_frame *frame)
{
    (void)frame;
    stats_count(ISR_VEC_USART0_RX);
}
""", "UCSR0B.RXCIE0", typed="a", shell_survives=False),
    # Never reads TAIV: CCR1's CCIFG stays set (only a TAIV read clears it,
    # SLAU049 11.2.6), so TIMERA1 is taken again after every reti. `trap ccr1`
    # arms the compare and waits for timer_a1_count to move, which this does;
    # running it again would arm it again.
    "msp430": Storm(53, 'interrupt("TIMERA1", "on_storm", style="abi"),', """\
#include <stdint.h>

#include "isr.h"
#include "stats.h"

extern volatile uint16_t timer_a1_count;

ISR_ABI(ISR_VEC_TIMERA1) void on_storm(void)
{
    timer_a1_count++;
    stats_count(ISR_VEC_TIMERA1);
}
""", "TACCTL1.CCIE+TACTL.TAIE", command="trap ccr1", command_rearms=True),
}


def storm_kernel(arch, row, out):
    """The build's objects, linked with a spec whose row.vector is bound to on_storm."""
    spec = (toolchain.ROOT / "isr" / f"{arch}.py").read_text().splitlines()
    bound = slot(arch, row.vector)
    if bound["style"] != "default":           # drop the line that binds it now
        line = int(bound["where"].rsplit(":", 1)[1])
        assert bound["handler"] in spec[line - 1], bound
        del spec[line - 1]
    start = spec.index("VECTORS = [")
    spec.insert(start + 1, "    " + row.binding)
    gen = out / "gen"
    gen.mkdir()
    (gen / "spec.py").write_text("\n".join(spec) + "\n")
    generate(arch, gen / "spec.py", gen)
    source, obj = out / "storm.c", out / "storm.o"
    source.write_text(row.source)
    assert toolchain.compile_one(arch, source, obj, gen)
    elf = out / "kernel.elf"
    assert toolchain.link(arch, hand_written_objects(arch) + compile_generated(arch, gen) + [obj], elf, gen)
    return elf


def count(stats, vector):
    match = re.search(rf"^vec={vector} name=\S+ count=(\d+)$", stats, re.M)
    return int(match[1]) if match else 0


# A real storm reaches STORM_LIMIT entries in well under a millisecond of guest time.
STORM_WAIT = 5


class NoStorm(AssertionError):
    """The guest booted and the source was raised, but no [storm] line came:
    the one failure a QEMU_HAS_NO_STORM arch expects (a boot that fails is not it)."""


# Storms the hardware has and QEMU 7.2 does not: strict, so a QEMU that storms says so.
QEMU_HAS_NO_STORM = {
    "avr": "QEMU 7.2 (Debian 12): the AVR CPU clears a source's pending bit when it takes the vector, "
           "so USART0_RX with RXC0 still set is taken once, not again after reti as on the ATmega2560",
}


@pytest.mark.parametrize("arch", [pytest.param(arch, marks=pytest.mark.xfail(
    strict=True, raises=NoStorm, reason=QEMU_HAS_NO_STORM[arch])) if arch in QEMU_HAS_NO_STORM else arch
    for arch in sorted(ROWS)])
def test_a_storm_is_masked_and_reported_once(kernel, arch, tmp_path):
    kernel(arch)                               # the objects the variant reuses
    row = ROWS[arch]
    elf = storm_kernel(arch, row, tmp_path)
    with Console(arch, elf, tmp_path / "runs", "storm", allow=("storm",)) as console:
        seen = console.boot()
        if row.command:
            seen += console.run(row.command)
        if row.typed:
            console.send(row.typed)
        if not STORM.search(seen):
            try:
                console.expect(STORM.pattern, timeout=STORM_WAIT)
            except ConsoleError as error:
                raise NoStorm(str(error)) from None
            seen += console.child.after
        storm = STORM.search(seen)
        limit = storm_limit()
        assert (int(storm["vec"]), storm["name"], int(storm["count"]), storm["masked"]) == \
            (row.vector, arch_model(arch).vector_name(row.vector), limit, row.masked), storm[0]
        assert storm["ack"].strip() == arch_model(arch).acknowledge(row.vector), storm[0]
        if row.shell_survives:
            # Masked for good: the shell runs again, and the count stays where the guard stopped it.
            assert count(console.run("stats"), row.vector) == limit
            if row.command and not row.command_rearms:
                console.run(row.command)
            assert count(console.run("stats"), row.vector) == limit
            assert len(STORM.findall(seen + console.run("ticks"))) == 1


# -- handlers that do nothing at all ------------------------------------------------
# The storm guard counts every entry before any handler code runs (isr/guard.py),
# so a handler that is empty, and so never calls the kernel, storms and is
# masked like the ones above; its own count in `stats` stays 0. Each row binds
# the same source as ROWS but for x86_64, where an empty handler of an
# edge-triggered 8259 line gets no second interrupt: there an empty #UD handler
# returns to the ud2 it came from, which nothing can mask, so the guard ends the
# guest (ARCH_EXIT_PANIC, kernel/arch.h).
EMPTY_ROWS = {
    "riscv64": Storm(19, ROWS["riscv64"].binding, '#include "isr.h"\n\nISR_ABI void on_storm(void)\n{\n}\n',
                     "mie.MSIE", command="int 19"),
    "x86_64": Storm(6, 'exception("#UD", "on_storm", style="abi"),',
                    '#include "isr.h"\n\nISR_ABI void on_storm(struct interrupt_frame *frame)\n{\n    (void)frame;\n}\n',
                    "no", command="trap ud", shell_survives=False),
    "aarch64": Storm(46, ROWS["aarch64"].binding,
                     '#include "isr.h"\n\nvoid on_storm(struct trap_frame *frame)\n{\n    (void)frame;\n}\n',
                     "gicd-icenabler"),
    "arm32": Storm(38, ROWS["arm32"].binding,
                   '#include "isr.h"\n\nvoid on_storm(const struct gic_irq *irq)\n{\n    (void)irq;\n}\n',
                   "gicd-icenabler"),
    "cortex-m": Storm(16, ROWS["cortex-m"].binding, '#include "isr.h"\n\nvoid on_storm(void)\n{\n}\n',
                      "nvic-icer", typed="a", shell_survives=False),
    "avr": Storm(25, ROWS["avr"].binding,
                 '#include "isr.h"\n\nvoid on_storm(struct trap_frame *frame)\n{\n    (void)frame;\n}\n',
                 "UCSR0B.RXCIE0", typed="a", shell_survives=False),
    # trap ccr1 waits for the handler to count, which this one never does: the shell stays there.
    "msp430": Storm(53, ROWS["msp430"].binding, '#include "isr.h"\n\nISR_ABI(ISR_VEC_TIMERA1) void on_storm(void)\n{\n}\n',
                    "TACCTL1.CCIE+TACTL.TAIE", command="trap ccr1", shell_survives=False),
}

# What one storm may cost this machine (qemu/bounds.py): the run folder on disk,
# the test process's peak memory. Before the bounds, a riscv64 guest with an
# emptied timer handler wrote 1.3-15 GB of QEMU log a test and the failure
# summary that read it took 12-16 GB.
RUN_FOLDER_BOUND = 100 << 20
HARNESS_MEMORY_BOUND = 500 << 20


def folder_bytes(folder):
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def peak_memory():
    """This process's peak resident set so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@pytest.mark.parametrize("arch", [pytest.param(arch, marks=pytest.mark.xfail(
    strict=True, raises=NoStorm, reason=QEMU_HAS_NO_STORM[arch])) if arch in QEMU_HAS_NO_STORM else arch
    for arch in sorted(EMPTY_ROWS)])
def test_an_empty_handler_storm_is_caught_by_its_guard_within_bounds(kernel, arch, tmp_path):
    kernel(arch)
    row = EMPTY_ROWS[arch]
    elf = storm_kernel(arch, row, tmp_path)
    runs = tmp_path / "runs"
    with Console(arch, elf, runs, "empty", allow=("storm",)) as console:
        seen = console.boot()
        if row.command:
            console.send(row.command + "\r")
        if row.typed:
            console.send(row.typed)
        try:
            console.expect(STORM.pattern, timeout=STORM_WAIT)
        except ConsoleError as error:
            raise NoStorm(str(error)) from None
        storm = STORM.search(seen + console.child.after)
        assert (int(storm["vec"]), int(storm["count"]), storm["masked"]) == \
            (row.vector, storm_limit(), row.masked), storm[0]
        if row.shell_survives:
            assert count(console.run("stats"), row.vector) == 0, "the handler counted nothing: the guard did"
        elif row.masked == "no":
            ending = console.wait_ending()
            assert (ending.kind, ending.status) == ("exit", 70), \
                f"nothing masks it: the guard ends the guest (ARCH_EXIT_PANIC), but {ending}"
    assert folder_bytes(runs) < RUN_FOLDER_BOUND, f"{folder_bytes(runs)} bytes in {runs}"
    assert peak_memory() < HARNESS_MEMORY_BOUND, f"this test process peaked at {peak_memory() >> 20} MB"


# -- the clock that a storm stops -------------------------------------------------
# Where the tick's own source storms when its handler does nothing (the arch's
# TICK_STORM fact, isr/arch_<arch>/testing.py: a level that stays high), the
# guard masks the tick, and no tick comes until the next boot. `sleep` must
# then end at once with a line that names the vector the [storm] line named,
# instead of waiting for ticks until a Ctrl-C (labs/timer-riscv64), and
# `ticks` must say the clock is stopped.
STOPPED = re.compile(r"error: (?P<command>sleep 50|ticks): the clock is stopped: the storm guard masked the tick's "
                     r"vector, vec=(?P<vec>\d+) \((?P<name>[^)\r\n]+)\); its handler must acknowledge its source "
                     r"\(see the \[storm\] line\), then reboot\r*\n")

TICK_STORM_ARCHES = [arch for arch in arches.names() if not isinstance(arch_model(arch).testing.TICK_STORM, str)]

# The longest `sleep 50` may take with the clock stopped: no tick is waited for.
STOPPED_SLEEP_WAIT = 10


def stopped_line(console, command, storm, seen):
    """The clock-stopped line that command printed, or a failure that says what was expected and what came."""
    __tracebackhide__ = True
    stopped = STOPPED.search(seen)
    assert stopped and stopped["command"] == command, \
        (f"`{command}` after the tick's storm: expected 'error: {command}: the clock is stopped: the storm guard "
         f"masked the tick's vector, vec={storm['vec']} ({storm['name']}); ...', got:\n{seen}\n"
         f"--- transcript tail ---\n{console.transcript_tail()}")
    return stopped


@pytest.mark.parametrize("arch", TICK_STORM_ARCHES)
def test_sleep_says_the_clock_is_stopped_after_the_tick_storms(kernel, arch, tmp_path):
    kernel(arch)
    vector, binding, source = arch_model(arch).testing.TICK_STORM
    elf = storm_kernel(arch, Storm(vector, binding, source, masked=""), tmp_path)     # masked: read from [storm]
    with Console(arch, elf, tmp_path / "runs", "stopped", allow=("storm",)) as console:
        seen = console.boot()
        # The tick storms from its first period on, before or during this sleep: either way it ends at once.
        console.send("sleep 50\r")
        try:
            seen += console.wait_prompt(timeout=STOPPED_SLEEP_WAIT).replace("\r", "")
        except ConsoleError as error:
            raise AssertionError(f"`sleep 50` did not end within {STOPPED_SLEEP_WAIT}s after the tick's storm: "
                                 f"it waits for ticks that the masked timer never gives\n{error}") from None
        storm = STORM.search(seen)
        assert storm, f"no [storm] line: the empty tick handler (vector {vector}) did not storm\n{seen}"
        assert int(storm["vec"]) == vector, f"the storm was not the tick's (vector {vector}): {storm[0]}"
        stopped = stopped_line(console, "sleep 50", storm, seen)
        assert (stopped["vec"], stopped["name"]) == (storm["vec"], storm["name"]), \
            f"the sleep names another vector than the [storm] line:\n{storm[0]}{stopped[0]}"
        # Masked before it starts: the next sleep ends at once too, and `ticks` says why the count stands still.
        stopped = stopped_line(console, "sleep 50", storm, console.run("sleep 50", timeout=STOPPED_SLEEP_WAIT))
        assert (stopped["vec"], stopped["name"]) == (storm["vec"], storm["name"]), stopped[0]
        answer = console.run("ticks")
        assert re.search(r"^ticks=\d+ hz=\d+$", answer, re.M), answer
        stopped = stopped_line(console, "ticks", storm, answer)
        assert (stopped["vec"], stopped["name"]) == (storm["vec"], storm["name"]), stopped[0]
        assert len(STORM.findall(seen + answer)) == 1, "the masked tick stormed again"
