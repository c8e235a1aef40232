"""riscv64: the CLINT timer (cause 7, abi), UART input through the PLIC
(cause 11, stub, source 10), and the software-pending interrupts of `int N`."""
import re

import pytest

from isr.load import arch_model
from qemu.console import Console

from tests.facts import bound_to, free_software_vectors, style
from tests.qemu.report import one_report
from tests.qemu.scenarios import assert_timer_rate, ticks
from tests.qemu.variants import leaving_one_out


def count(stats, vector):
    match = re.search(rf"^vec={vector} name=\S+ count=(\d+)$", stats, re.M)
    return int(match[1]) if match else 0


@pytest.mark.realtime      # the one test per arch that measures guest time against host time
def test_timer_runs_at_the_programmed_rate(rv):
    """`sleep 1000` waits for 100 mtimecmp ticks; mtime runs at 10 MHz of guest
    time, so a far too fast timer would end it well under a second."""
    first, hz = ticks(rv)
    assert hz == 100
    assert_timer_rate(rv)
    assert ticks(rv)[0] >= first + 100


def test_irqtrace_reports_timer_interrupts_from_their_handler(rv):
    rv.send("irqtrace on\r")
    rv.expect(rf"\[trap\] vec=23 name=MTI style={style('riscv64', 23)} err=- mepc=0x[0-9a-f]+ mcause=0x8000000000000007 "
              r"mtval=0x0 mode=machine then=resume")
    assert "irqtrace=off" in rv.run("irqtrace off")


def test_each_typed_byte_is_claimed_from_the_plic_as_source_10(rv):
    rv.run("irqtrace on")
    rv.send("q")
    rv.expect(rf"\[trap\] vec=27 name=MEI style={style('riscv64', 27)} err=- mepc=0x[0-9a-f]+ mcause=0x800000000000000b "
              r"mtval=0x0 mode=machine source=10 then=resume")
    rv.send("\x15")                           # Ctrl-U: drop the line
    rv.run("irqtrace off")


def test_claim_complete_lets_every_byte_through(rv):
    """Without the complete, the PLIC would forward source 10 once and never
    again: each byte, typed one at a time, must come back as an echo."""
    before = count(rv.run("stats"), 27)
    for letter in "plicok":
        rv.send(letter)
        rv.expect(letter)
    assert "error: unknown command 'plicok'" in rv.run("")
    assert count(rv.run("stats"), 27) >= before + 6


# The kernel's handlers of the software-pendable interrupts (kernel/riscv64/):
# each reports once and acknowledges its source.
KERNEL_SOFT_HANDLERS = ("on_supervisor_soft", "machine_soft_naked_entry")


def test_int_raises_the_software_interrupts_in_their_styles(rv):
    for vector, name, cause in ((17, "SSI", 1), (19, "MSI", 3)):
        output = rv.run(f"int {hex(vector)}")
        assert output.rstrip().endswith(f"int {hex(vector)}: returned"), output
        if vector in [v for h in KERNEL_SOFT_HANDLERS for v in bound_to("riscv64", h)]:
            report = one_report(output)
            assert (report["vec"], report["name"], report["style"], report["mcause"]) == \
                (str(vector), name, style("riscv64", vector), hex((1 << 63) | cause))


def taken_once_by_the_default_handler(console, vector):
    for _ in range(2):
        report = one_report(console.run(f"int {vector}"))
        assert (report["vec"], report["style"], report["note"]) == (str(vector), "default", "unexpected-vector")
    assert count(console.run("stats"), vector) == 2


@pytest.mark.console_allows("unexpected-vector")
def test_unbound_interrupt_goes_to_the_default_handler_once(rv, tmp_path):
    """A pendable interrupt the spec leaves out (STI, 21, in the shipped spec):
    the default handler reports it and clears the pending bit, so each `int`
    is taken exactly once. Where the spec binds all four (the student guide's
    handler takes STI), a variant kernel leaves out one that nothing requires."""
    unbound = free_software_vectors("riscv64")
    for vector in unbound:
        taken_once_by_the_default_handler(rv, vector)
    if unbound:
        return
    elf, left_out = leaving_one_out("riscv64", arch_model("riscv64").testing.RAISED_ONLY_BY_INT, tmp_path)
    with Console("riscv64", elf, tmp_path / "runs", "without") as console:
        console.boot()
        with console.disable_check("unexpected-vector"):
            taken_once_by_the_default_handler(console, left_out)


def test_int_explains_what_it_cannot_raise(rv):
    assert "error: vector 23 (MTI) cannot be made pending by software" in rv.run("int 23")
    assert "error: vector 27 (MEI) cannot be made pending by software" in rv.run("int 27")
    assert "error: vector 2 (illegal) is an exception" in rv.run("int 2")
    assert "error: usage: int N, with N from 0 to 31" in rv.run("int 32")
