"""avr in the shell: the live jmp table, `int N` and its refusals, exit by parking
(the shared protocol: test_shell_common.py)."""
import contextlib
import json
import re

import pexpect
import pytest

from isr import arch_avr
from qemu.console import ConsoleError
from qemu.park import parked_status
from qemu.qmp.legacy import QEMUMonitorProtocol
from tools import toolchain

from tests.qemu.report import only, reports
from tests.qemu.scenarios import assert_int_refuses_past_the_table, vector_rows
from tests.facts import table_name


def manifest():
    return json.loads((toolchain.build_dir("avr") / "gen" / "manifest.json").read_text())


def test_vectors_shows_the_live_table_as_the_spec_wrote_it(avr):
    """Decode the JMPs in flash and compare every bound vector with the manifest."""
    rows = vector_rows(avr)
    bound = [s for s in manifest()["vectors"] if s["style"] != "default"]
    assert sorted(rows) == [0] + [s["vector"] for s in bound]
    assert rows[0]["entry"] == arch_avr.RESET_SYMBOL
    for slot in bound:
        row = rows[slot["vector"]]
        assert (row["name"], row["entry"], row["handler"], row["style"]) == \
            (slot["name"], table_name(slot), slot["handler"], slot["style"])
        assert row["nonblocking"] == str(int(slot["options"]["nonblocking"]))


def test_vectors_all_covers_every_slot(avr):
    rows = vector_rows(avr, "all")
    assert sorted(rows) == list(range(manifest()["tables"][0]["count"]))
    defaults = [s for s in manifest()["vectors"] if s["style"] == "default"]
    for slot in defaults:
        assert (rows[slot["vector"]]["entry"], rows[slot["vector"]]["handler"]) == \
            (table_name(slot), "isr_default_handler")


# What kernel/avr/softint.c makes a device raise (isr/arch_avr/testing.py
# RAISED_ONLY_BY_INT). The styles they reach come from the manifest.
@pytest.mark.parametrize("vector", sorted(arch_avr.testing.RAISED_ONLY_BY_INT))
@pytest.mark.console_allows("unexpected-vector")    # a vector the spec leaves out reaches its default
def test_int_raises_the_vector_through_its_device(avr, vector):
    slot = next(s for s in manifest()["vectors"] if s["vector"] == vector)
    output = avr.run(f"int {vector}")
    report = only([r for r in reports(output) if r["vec"] == str(vector)], f"report of vector {vector}", output)
    # (ticks may nest in 32: their own test)
    assert (report["vec"], report["name"], report["style"], report["then"]) == \
        (str(vector), slot["name"], slot["style"], "resume")
    assert output.rstrip().endswith(f"int {vector}: returned")
    assert re.search(rf"vec={vector} name={slot['name']} count=1", avr.run("stats"))


@pytest.mark.parametrize("vector, reason", [
    (0, "RESET is where the CPU starts"),
    (17, "it is the tick"),
    (25, "type a character"),
    (19, "compare C from OCR1B"),
    (1, "does not emulate its device"),
    (21, "does not emulate its device"),
    (33, "delivers every vector from 33 up as 33"),
    (56, "delivers every vector from 33 up as 33"),
])
def test_int_refuses_what_software_cannot_raise_here(avr, vector, reason):
    output = avr.run(f"int {vector}")
    assert re.search(rf"error: vector {vector} \(\w+\) cannot be raised by software: .*{reason}", output), output
    assert "[trap]" not in output


def test_int_refuses_a_vector_past_the_table(avr):
    assert_int_refuses_past_the_table(avr, manifest()["tables"][0]["count"])


@pytest.mark.emulator_only("QMP (the parked PC and r24)")
def test_a_running_guest_is_never_read_as_a_status(avr):
    """At the prompt the CPU idles in the shell, not at avr_parked: no status, and QEMU runs on."""
    symbol, register = avr.profile.parked
    assert parked_status(avr.qmp_path, avr.elf, symbol, register, timeout=0.3) is None
    assert avr.child.isalive()
    assert "ticks=" in avr.run("ticks")


@pytest.mark.emulator_only("QMP (quit)")
def test_qemu_quitting_on_its_own_is_never_read_as_a_status(avr):
    """QEMU told to quit before the guest parks: its exit code 0 is not `exit 0`,
    and the console says the guest never parked."""
    qmp = QEMUMonitorProtocol(str(avr.qmp_path))
    qmp.connect()
    qmp.cmd("quit")
    with contextlib.suppress(EOFError):  # QEMU may close the socket first, as it quits
        qmp.close()
    avr.child.expect(pexpect.EOF)
    with pytest.raises(ConsoleError, match="never parked at avr_parked"):
        avr.wait_exit()
    assert avr.profile.exit_status(avr.child.exitstatus) is None
