"""x86_64 in the shell: the live IDT as the spec wrote it, stats, `int` (the shared protocol: test_shell_common.py)."""
import json
import re

import pytest

from tools import toolchain

from tests.facts import free_software_vectors, table_name
from tests.facts import slot as manifest_slot
from tests.qemu.scenarios import vector_rows


def test_int_refuses_a_vector_past_the_idt(x86):
    assert "error: usage: int N" in x86.run("int 300")


def test_vectors_shows_the_live_idt_as_the_spec_wrote_it(x86):
    """Decode the IDT the CPU uses and compare every bound vector with the manifest."""
    manifest = json.loads((toolchain.build_dir("x86_64") / "gen" / "manifest.json").read_text())
    rows = vector_rows(x86)
    bound = [s for s in manifest["vectors"] if s["style"] != "default"]
    assert sorted(rows) == [s["vector"] for s in bound]
    for slot in bound:
        row = rows[slot["vector"]]
        assert row["gate"] == slot["options"]["gate"]
        assert (row["entry"], row["handler"], row["style"]) == (table_name(slot), slot["handler"], slot["style"])
        assert (int(row["ist"]), int(row["dpl"])) == (slot["options"]["ist"], slot["options"]["dpl"])
        assert int(row["hex"], 16) == slot["vector"]


def test_vectors_all_covers_every_gate(x86):
    lines = x86.run("vectors all").splitlines()
    assert len(lines) == 256
    vector = free_software_vectors("x86_64")[-1]
    assert (f"vec={vector} hex={hex(vector)} name=SW gate=interrupt dpl=0 ist=0 entry={table_name(manifest_slot('x86_64', vector))} "
            f"handler=isr_default_handler style=default") in lines[vector]


@pytest.mark.console_allows("unexpected-vector")     # a free vector, on purpose
def test_stats_counts_each_interrupt_once(x86):
    for _ in range(3):
        x86.run("trap bp")
    vector = free_software_vectors("x86_64")[0]
    x86.run(f"int {vector}")
    x86.run("sleep 30")                 # timer ticks (idle time under -icount is host time)
    stats = x86.run("stats")
    assert "vec=3 name=#BP count=3" in stats
    assert f"vec={vector} name=SW count=1" in stats
    assert re.search(r"vec=32 name=IRQ0 count=\d+", stats)
