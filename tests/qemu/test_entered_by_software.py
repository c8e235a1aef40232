"""`int N` on the GIC's own entries (aarch64 EL1H_IRQ, arm32 IRQ and FIQ)
enters them by software, and the aarch64 and arm32 chapters (docs/arches/) promise
the spurious 1023 there:
nothing acknowledged, nothing ended. It must hold when an interrupt is
pending at that very moment. Issue 22: about once in a thousand `int 7` on
arm32 met the timer pending; GICC_IAR (AckCtl set) handed the FIQ entry
INTID 30, the group-1 tick ran through it, and no report came.

GDB makes that moment happen on purpose. QEMU's monitor starts its GDB
server on the running guest; the guest stops where `int` calls vector_enter,
steps with interrupts held off (QEMU's single step takes none) to the first
instruction of the entry, where the CPU masks I and F, and there the guest
itself makes an interrupt pending (GDB calls a kernel function). Then the
entry's acknowledge must still answer 1023, and the interrupt must come
afterwards, through the entry of its own group, as an interrupt does.
"""
import re
import subprocess
from dataclasses import dataclass

import pytest

from qemu.launcher import free_port, gdb_script
from tests import facts
from tests.qemu.report import reports
from tests.qemu.scenarios import ticks

STEPS_TO_ENTRY = 32     # vector_enter to the entry is under a dozen instructions
GDB_TIMEOUT = 30        # seconds; the whole scenario takes about one


@dataclass
class Case:
    arch: str
    entry: str          # the manifest's name of the VBAR entry that `int` enters
    pending: str        # what becomes pending there: "timer", or the handler of an SGI


CASES = [
    Case("aarch64", "EL1H_IRQ", "on_sgi"),
    Case("arm32", "IRQ", "on_sgi_fiq"),     # a group-0 SGI outranks any IRQ: IAR would hand it over
    Case("arm32", "FIQ", "on_sgi"),         # a group-1 SGI, IRQ's own
    Case("arm32", "FIQ", "timer"),          # the case: the group-1 tick
]


def slot_named(arch, name):
    return next(s for s in facts.slots(arch) if s["name"] == name)


def gdb_call(case, hz):
    """The kernel call, made at the entry, that leaves an interrupt pending."""
    if case.pending == "timer":
        return f"timer_spin({2 * 1000000 // hz})"      # two timer periods with I and F masked: the tick waits
    sgi = facts.slot_of(case.arch, case.pending)["vector"] - facts.irq_vector(case.arch, 0)
    return f"gic_send_sgi_to_self({sgi})"


def as_text(captured):
    """What a timed-out run captured: bytes, whatever text= asked (subprocess.TimeoutExpired)."""
    return captured.decode(errors="replace") if isinstance(captured, bytes) else captured or ""


def int_with_pending_at_entry(console, elf, vector, entry_symbol, call, tmp_path):
    """Type `int vector` with the guest stopped; GDB runs it to the entry, makes the
    call there and lets it go. Returns the command's output and GDB's transcript."""
    port = free_port()
    console.monitor.hmp(f"gdbserver tcp:127.0.0.1:{port}")
    console.monitor.command("stop")                    # the line waits in the UART until GDB lets the guest run
    console.send(f"int {vector}\r")
    script = tmp_path / f"int{vector}.gdb"
    gdb_script(console.profile.arch, elf, script, port)
    with open(script, "a") as f:
        f.write(f"break *vector_enter\ncontinue\ndelete\nset $steps = 0\n"
                f"while $pc != (unsigned long)&{entry_symbol} && $steps < {STEPS_TO_ENTRY}\n"
                f"  stepi\n  set $steps = $steps + 1\nend\n"
                f"printf \"stopped pc=%#lx entry=%#lx\\n\", (unsigned long)$pc, (unsigned long)&{entry_symbol}\n"
                f"call {call}\nprintf \"called\\n\"\ndetach\n")
    try:
        gdb = subprocess.run([console.profile.gdb, "-batch", "-nx", "-x", str(script)],
                             capture_output=True, text=True, timeout=GDB_TIMEOUT)
    except subprocess.TimeoutExpired as late:
        pytest.fail(f"GDB did not finish within {GDB_TIMEOUT}s (did `int {vector}` reach vector_enter?); "
                    f"it said:\n{as_text(late.stdout)}{as_text(late.stderr)}", pytrace=False)
    said = gdb.stdout + gdb.stderr
    output = console.wait_prompt().replace("\r", "")
    return output, said


@pytest.mark.emulator_only("QMP")
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.arch}-{c.entry}-{c.pending}")
def test_int_on_an_entry_answers_1023_while_an_interrupt_is_pending(case, boot_console, kernel, tmp_path):
    elf = kernel(case.arch)
    console = boot_console(case.arch, elf)
    _, hz = ticks(console)
    entry = slot_named(case.arch, case.entry)
    before = ticks(console)[0]
    output, said = int_with_pending_at_entry(console, elf, entry["vector"], entry["entry"],
                                             gdb_call(case, hz), tmp_path)
    stopped = re.search(r"stopped pc=(0x[0-9a-f]+) entry=(0x[0-9a-f]+)\ncalled\n", said)
    assert stopped and stopped[1] == stopped[2] and "detached" in said, \
        f"GDB did not stop the guest at {entry['entry']} and make the call there:\n{said}"
    where = f"`int {entry['vector']}` with {case.pending} pending at {entry['entry']}:\n{output}\n--- GDB ---\n{said}"
    spurious = [r for r in reports(output) if r["vec"] == str(entry["vector"])]
    assert len(spurious) == 1 and (spurious[0]["intid"], spurious[0]["note"]) == ("1023", "spurious"), \
        f"the entry acknowledged the pending interrupt instead of answering 1023: {where}"
    assert output.rstrip().endswith(f"int {entry['vector']}: returned"), where
    if case.pending == "timer":
        assert ticks(console)[0] > before, "the tick that waited is taken after the entry, and ticks go on"
        return
    sgi = facts.slot_of(case.arch, case.pending)
    found = reports(output)
    assert [r["vec"] for r in found] == [str(entry["vector"]), str(sgi["vector"])], \
        f"the SGI made pending at the entry must come once, after the spurious entry: {where}"
    if case.arch == "arm32":           # and through the entry of its own group
        assert found[1]["kind"] == ("fiq" if sgi["options"]["fiq"] else "irq"), where
