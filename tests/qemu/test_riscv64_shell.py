"""riscv64: the live mtvec table as the spec wrote it (the shared shell protocol: tests/qemu/test_shell_common.py)."""
import json

from tools import toolchain
from tools.elf_symbols import Image

from tests.qemu.report import table_rows
from tests.facts import table_name, table_symbol

GEN = toolchain.build_dir("riscv64") / "gen"


def test_vectors_decodes_the_live_mtvec_table_as_the_spec_wrote_it(rv):
    manifest = json.loads((GEN / "manifest.json").read_text())
    image = Image(toolchain.kernel_elf("riscv64"))
    base = image.symbols["__isr_table_start"].address
    rows = table_rows(rv.run("vectors"))
    bound = [s for s in manifest["vectors"] if s["style"] != "default"]
    assert sorted(rows) == [s["vector"] for s in bound]
    for slot in bound:
        row = rows[slot["vector"]]
        assert row["mtvec"] == "vectored"
        assert (row["entry"], row["handler"], row["style"]) == (table_name(slot), slot["handler"], slot["style"])
        assert int(row["addr"], 16) == image.symbols[table_symbol(slot)].address
        offset = slot["table_entry"]["offset"]
        jump = offset + (4 if slot["vector"] <= 16 else 0)   # a trampoline's jump is its second word
        assert int(row["slot"], 16) == base + jump
    assert int(rows[23]["slot"], 16) == base + 4 * 7, "MTI: interrupt cause 7 at BASE + 4 * 7"


def test_vectors_all_covers_every_vector(rv):
    lines = rv.run("vectors all").splitlines()
    assert len(lines) == 32
    for slot in json.loads((GEN / "manifest.json").read_text())["vectors"]:
        assert f"vec={slot['vector']} hex={hex(slot['vector'])} " in lines[slot["vector"]]
        assert f"entry={table_name(slot)} handler={slot['handler']} style={slot['style']}" in lines[slot["vector"]]
