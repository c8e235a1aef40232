"""aarch64 in the shell: its live VBAR and GIC tables, stats, booting from EL2
(the shared protocol: test_shell_common.py)."""
import json
import re

import pytest

from tools import toolchain

from tests import facts
from tests.qemu.scenarios import assert_exit_status, vector_rows


def manifest():
    return json.loads((toolchain.build_dir("aarch64") / "gen" / "manifest.json").read_text())


def test_vectors_shows_the_live_tables_as_the_spec_wrote_them(a64):
    """VBAR_EL1's branches and the distributor's priorities and enables, against the manifest."""
    manifest = json.loads((toolchain.build_dir("aarch64") / "gen" / "manifest.json").read_text())
    rows = vector_rows(a64)
    bound = [s for s in manifest["vectors"] if s["style"] != "default"]
    assert sorted(rows) == [s["vector"] for s in bound]
    for slot in bound:
        row = rows[slot["vector"]]
        assert (row["handler"], row["style"]) == (slot["handler"], slot["style"])
        if slot["vector"] < 16:
            assert row["entry"] == facts.table_name(slot)
        else:
            assert int(row["prio"], 16) == slot["table_entry"]["priority"] and row["enabled"] == "1"


def test_vectors_all_covers_both_tables(a64):
    lines = a64.run("vectors all").splitlines()
    assert len(lines) == 80
    for slot in manifest()["vectors"]:
        line = lines[slot["vector"]]
        assert f"vec={slot['vector']} hex={hex(slot['vector'])} name={slot['name']} " in line, line
        assert f"handler={slot['handler']} style={slot['style']}" in line, line
        if slot["style"] == "default" and slot["vector"] >= 16 + 32:   # SPIs: SGIs are always enabled
            assert re.search(rf" intid={slot['vector'] - 16} prio=0x0 enabled=0 ", line), line


def test_stats_counts_each_interrupt(a64):
    for _ in range(3):
        a64.run("trap svc")
    a64.run("int 16")
    a64.run("sleep 30")                 # timer ticks (idle time under -icount is host time)
    stats = a64.run("stats")
    assert "vec=4 name=EL1H_SYNC count=3" in stats
    assert "vec=16 name=SGI0 count=1" in stats
    assert re.search(r"vec=46 name=PPI30 count=\d+", stats)


@pytest.mark.emulator_only("variant (the el2 machine setup)")
def test_boots_from_el2_too(boot_console, aarch64_kernel):
    """With virtualization=on QEMU starts the kernel at EL2; entry.S drops to EL1
    and lets it use the physical timer, so ticks and traps work the same."""
    console = boot_console("aarch64", aarch64_kernel, variant="el2")
    assert "boot: aarch64 kernel up" in console.banner
    console.run("sleep 30")
    assert "class=svc" in console.run("trap svc")
    assert_exit_status(console, 7)
