"""msp430 under mspdebug's sim: the live table at 0xFF80, `int N`, the sim's own stops
(the shared protocol: test_shell_common.py)."""
import json
import re

import pytest

from isr import arch_msp430
from tools import toolchain
from tools.elf_symbols import Image

from tests.qemu.report import one_report
from tests.qemu.scenarios import assert_int_refuses_past_the_table, vector_rows
from tests.facts import table_name, table_symbol

GEN = toolchain.build_dir("msp430") / "gen"


def manifest():
    return json.loads((GEN / "manifest.json").read_text())


def test_vectors_decodes_the_table_the_cpu_reads(msp):
    image = Image(toolchain.kernel_elf("msp430"))
    rows = vector_rows(msp)
    bound = [s for s in manifest()["vectors"] if s["style"] != "default"]
    assert sorted(rows) == [s["vector"] for s in bound] + [arch_msp430.RESET]
    for slot in bound:
        row = rows[slot["vector"]]
        assert (row["name"], row["entry"], row["handler"], row["style"]) == \
            (slot["name"], table_name(slot), slot["handler"], slot["style"])
        assert int(row["word"], 16) == arch_msp430.TABLE_BASE + 2 * slot["vector"]
        assert int(row["addr"], 16) == image.symbols[table_symbol(slot)].address
    reset = rows[arch_msp430.RESET]
    assert (reset["word"], reset["entry"]) == ("0xfffe", "reset_entry")
    assert int(reset["addr"], 16) == image.symbols["reset_entry"].address


def test_vectors_all_covers_every_vector_of_the_part(msp):
    rows = vector_rows(msp, "all")
    assert sorted(rows) == list(range(arch_msp430.PART_FIRST, arch_msp430.VECTOR_COUNT))
    defaults = [s for s in manifest()["vectors"] if s["style"] == "default"]
    for slot in defaults:
        assert (rows[slot["vector"]]["entry"], rows[slot["vector"]]["style"]) == (table_name(slot), "default")


@pytest.mark.console_allows("unexpected-vector")
def test_int_raises_every_unbound_vector_through_the_tracer_and_the_default_reports_it(msp):
    defaults = [s for s in manifest()["vectors"] if s["style"] == "default"]
    assert defaults
    for slot in defaults:
        output = msp.run(f"int {slot['vector']}")
        report = one_report(output)
        assert (report["vec"], report["name"], report["style"], report["note"], report["then"]) == \
            (str(slot["vector"]), slot["name"], "default", "unexpected-vector", "resume")
        assert report["irq"] == str(slot["vector"] - arch_msp430.PART_FIRST)
        assert f"int {slot['vector']}: returned" in output
    stats = msp.run("stats")
    for slot in defaults:
        assert f"vec={slot['vector']} name={slot['name']} count=1" in stats


def test_int_refuses_a_vector_past_the_table(msp):
    assert_int_refuses_past_the_table(msp, manifest()["tables"][0]["count"])


@pytest.mark.parametrize("command, error", [
    ("int 12", "error: vector 12 is not a vector of this part"),
    ("int 63", "error: vector 63 (RESET) restarts the part; use trap reset"),
    # Parsed with __mspabi_mpyll, printed with __mspabi_divull/remull, all 64 bits of it.
    ("exit 12345678901234567890", "error: exit status 12345678901234567890 out of range 0-127"),
])
def test_msp430_errors_not_crashes(msp, command, error):
    output = msp.run(command)
    assert error in output and "[trap]" not in output


@pytest.mark.emulator_only("log (mspdebug's sim error)")
def test_a_simulator_error_is_not_a_guest_status(msp):
    """Opcode 0x0000 stops mspdebug's sim with its own error: the launcher says so
    and reports no status, though the guest never chose one."""
    msp.send("trap illegal\r")
    msp.expect(r"mspdebug_sim: the simulator stopped with an error \(not a guest exit\)")
    assert msp.wait_exit() is None
    assert re.search(r"^sim error: sim: .*opcode.*0x0000", msp.log_path.read_text(), re.M)


@pytest.mark.emulator_only("log (the sim's system reset line)")
@pytest.mark.console_allows("reset")          # the second banner is the point
def test_reset_reboots_the_kernel(msp):
    """A watchdog password violation is a PUC: the simulator resets, the kernel boots again."""
    msp.send("trap reset\r")
    msp.expect(r"boot: msp430 kernel up")
    msp.wait_prompt()
    assert "ticks=" in msp.run("ticks")
    msp.send("exit 0\r")
    assert msp.wait_exit() == 0
    assert "system reset" in msp.log_path.read_text().split("exit status=0", 1)[1]
