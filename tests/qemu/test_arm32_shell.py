"""arm32 in the shell: its live VBAR and GIC tables, stats, QEMU's own exits
(the shared protocol: test_shell_common.py)."""
import re
import subprocess

from qemu.launcher import command, die_with_parent
from qemu.profiles import profile

from tests import facts
from tests.qemu.scenarios import vector_rows


def test_vectors_shows_the_live_tables_as_the_spec_wrote_them(a32):
    """VBAR's branches and the distributor's priorities, groups and enables, against the manifest."""
    rows = vector_rows(a32)
    bound = [s for s in facts.slots("arm32") if s["style"] != "default"]
    assert sorted(rows) == [s["vector"] for s in bound]
    for slot in bound:
        row = rows[slot["vector"]]
        assert (row["handler"], row["style"]) == (slot["handler"], slot["style"])
        if slot["vector"] < 8:
            assert row["entry"] == facts.table_name(slot)
            assert row.get("kind") == (slot["options"]["kind"] if slot["style"] == "abi" else None)
        else:
            fields = slot["table_entry"]
            assert int(row["prio"], 16) == fields["priority"] and row["enabled"] == "1"
            assert (row["group"], row["kind"]) == (("0", "fiq") if fields["fiq"] else ("1", "irq"))


def test_vectors_all_covers_both_tables(a32):
    lines = a32.run("vectors all").splitlines()
    slots = facts.slots("arm32")
    assert len(lines) == len(slots)
    unbound = next(s for s in slots[8 + 32:] if s["style"] == "default")    # an SPI: SGI enables read as 1
    assert re.search(rf"vec={unbound['vector']} hex={hex(unbound['vector'])} name={unbound['name']} "
                     rf"intid={unbound['vector'] - 8} "
                     rf"prio=0x[0-9a-f]+ group=1 kind=irq enabled=0 handler=isr_default_handler", lines[unbound["vector"]])


def test_stats_counts_each_interrupt(a32):
    for _ in range(3):
        a32.run("trap svc")
    a32.run("int 8")
    a32.run("sleep 30")                 # timer ticks (idle time under -icount is host time)
    stats = a32.run("stats")
    assert "vec=2 name=SVC count=3" in stats
    assert "vec=8 name=SGI0 count=1" in stats
    assert re.search(r"vec=38 name=PPI30 count=\d+", stats)


def test_qemu_s_own_exit_is_never_read_as_a_guest_status(tmp_path):
    """QEMU exits 1 on its own error (here: no such kernel), 0 when it quits:
    neither is a status the guest chose (the guest's N leaves QEMU as 128 + N)."""
    argv = command("arm32", tmp_path / "missing.elf")
    result = subprocess.run(argv, capture_output=True, timeout=30, preexec_fn=die_with_parent)
    assert result.returncode == 1
    assert profile("arm32").exit_status(result.returncode) is None
    assert profile("arm32").exit_status(0) is None and profile("arm32").exit_status(128 + 70) == 70
