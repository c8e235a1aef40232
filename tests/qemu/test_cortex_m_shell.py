"""cortex-m in the shell: the live vector table and `int N` (the shared protocol: test_shell_common.py)."""
import json

import pytest

from tools import toolchain

from tests.qemu.report import one_report
from tests.facts import table_name


def test_vectors_shows_the_live_table_as_the_spec_wrote_it(cm):
    """Decode the table at VTOR and compare every bound exception with the manifest."""
    manifest = json.loads((toolchain.build_dir("cortex-m") / "gen" / "manifest.json").read_text())
    rows = {}
    for line in cm.run("vectors").splitlines():
        fields = dict(item.split("=", 1) for item in line.split())
        rows[int(fields["vec"])] = fields
    bound = [s for s in manifest["vectors"] if s["style"] != "default"]
    assert sorted(rows) == [0] + [s["vector"] for s in bound]
    for slot in bound:
        row = rows[slot["vector"]]
        assert (row["entry"], row["handler"], row["style"]) == (table_name(slot), slot["handler"], slot["style"])
        assert int(row["addr"], 16) & 1, "table words are Thumb addresses"
        if "priority" in slot["options"]:
            assert int(row["prio"], 16) == slot["options"]["priority"]
        else:
            assert row["prio"] == "fixed"


def test_vectors_all_covers_every_word(cm):
    lines = cm.run("vectors all").splitlines()
    assert len(lines) == 48
    slots = json.loads((toolchain.build_dir("cortex-m") / "gen" / "manifest.json").read_text())["vectors"]
    for slot in slots:
        line = lines[slot["vector"]]
        assert line.startswith(f"vec={slot['vector']} hex={hex(slot['vector'])} name={slot['name']} "), line
        assert f"entry={table_name(slot)} handler={slot['handler']} style={slot['style']}" in line, line
    default_words = {line.split("addr=")[1] for line in lines if "style=default" in line}
    assert len(default_words) == len([s for s in slots if s["style"] == "default"]), \
        "every default word is its own storm guard, each going to the same weak-aliased entry"


def test_int_11_is_svc_and_r0_comes_back_through_the_stub_frame(cm):
    output = cm.run("int 11")
    report = one_report(output)
    assert (report["name"], report["imm"], report["r0"]) == ("SVCall", "11", "0x100b")
    assert "int 11: returned r0=0x100c" in output
    assert "int 0xb: returned r0=0x100c" in cm.run("int 0xb"), "echoed as typed"


@pytest.mark.console_allows("unexpected-vector")
def test_int_14_reaches_the_weak_default_for_pendsv(cm):
    report = one_report(cm.run("int 14"))
    assert (report["name"], report["style"], report["note"], report["then"]) == \
        ("PendSV", "default", "unexpected-vector", "resume")


@pytest.mark.parametrize("vector, name", [(1, "Reset"), (3, "HardFault"), (5, "BusFault"), (7, "RSVD")])
def test_int_refuses_what_software_cannot_pend(cm, vector, name):
    output = cm.run(f"int {vector}")
    assert f"error: exception {vector} ({name}) cannot be pended by software" in output
    assert "[trap]" not in output


def test_int_refuses_a_vector_past_the_table(cm):
    assert "error: usage: int N" in cm.run("int 48")
