"""`doit explain-<arch> VECTOR`: every bound vector's path, as the build and the arch model state it."""
import pytest

from isr import arches
from isr.load import arch_model
from reports import book_tables
from reports.explain import explain, vector_of

from tests.facts import bound, slots, table_symbol

ARCHES = arches.names()


@pytest.mark.parametrize("arch", ARCHES)
def test_every_bound_vector_is_traced_from_spec_to_acknowledgement(kernel, arch):
    kernel(arch)
    model = arch_model(arch)
    for s in bound(arch):
        text = "\n".join(explain(arch, s["vector"]))
        raised, saved = model.describe(s["vector"])
        assert f"  spec:      {s['where']}: " in text and s["handler"] in text.split("\n")[1], text
        assert f"  raised by: {raised}\n" in text and f"  saved PC:  {saved}\n" in text, text
        assert f"  ack:       {model.acknowledge(s['vector'])}\n" in text, text
        table_line = next(line for line in text.splitlines() if line.startswith("  table:"))
        if arch != "aarch64" or s["vector"] < model.IRQ_BASE:     # the GIC table names the handler itself
            assert f" {table_symbol(s)} " in table_line + " ", table_line
        if s["guard"]:
            assert f"  guard:     {s['guard']} at 0x" in text and f"goes on to {s['entry']}\n" in text, text
        assert f"  entry:     {s['entry']} at 0x" in text, text
        assert "register words on the way in" in text, text


@pytest.mark.parametrize("arch", ARCHES)
def test_vectors_are_named_by_number_hex_or_the_arch_name(arch):
    model = arch_model(arch)
    for s in bound(arch):
        assert vector_of(arch, str(s["vector"])) == vector_of(arch, hex(s["vector"])) == s["vector"]
        if [model.vector_name(v) for v in range(model.VECTOR_COUNT)].count(s["name"]) == 1:
            assert vector_of(arch, s["name"]) == s["vector"]


@pytest.mark.parametrize("arch", ARCHES)
def test_a_default_vector_says_it_is_not_bound(kernel, arch):
    kernel(arch)
    s = next(s for s in slots(arch) if s["style"] == "default")
    text = "\n".join(explain(arch, s["vector"]))
    assert "not bound by" in text and f"  entry:     {s['entry']} at 0x" in text, text


@pytest.mark.parametrize("arch", ARCHES)
def test_the_path_names_each_generated_line_the_install_and_the_report(kernel, arch):
    """One screen from spec to report line: the prototype in gen/isr.h, the table
    source's entry, the keep line, where the CPU learns the table, what the kernel prints."""
    kernel(arch)
    install_file = arch_model(arch).TABLE_INSTALL[0]
    for s in bound(arch):
        lines = explain(arch, s["vector"])
        role = {line[2:12].rstrip(": "): line[13:] for line in lines if line[2:3] != " "}
        assert role["prototype"].startswith("build/") and f"{s['handler']}(" in role["prototype"], lines
        assert "/gen/isr_table.S:" in role["source"] and (s["guard"] or s["entry"]) in role["source"], lines
        assert "/gen/keep.ld:" in role["keep"] and "KEEP(" in role["keep"], lines
        assert role["install"].startswith(f"{install_file}:"), lines
        assert role["report"].startswith(f"[trap] vec={s['vector']} name={s['name']} style={s['style']} "), lines


@pytest.mark.parametrize("arch", ARCHES)
def test_a_bench_vector_shows_what_each_toolchain_makes_of_it(kernel, arch):
    """explain iterates over the toolchains the cost report measured for the arch: one line each."""
    kernel(arch)
    data, _ = book_tables.cost_data()
    benched = [s for s in bound(arch) if s.get("bench")]
    assert benched, f"{arch}: the manifest has no bench vector"
    measured = 0
    for s in benched:
        lines = explain(arch, s["vector"])
        want = {r["compiler"] for r in data["rows"]
                if r["arch"] == arch and r["vector"] == s["vector"] and r["style"] == s["style"]}
        shown = {line.split()[0] for line in lines[lines.index(next(x for x in lines if x.startswith("  toolchains:"))) + 1:]
                 if line.startswith("             ") and "instructions" in line}
        assert shown == want, lines
        measured += len(want)
    assert measured, f"the cost data has no row for any bench vector of {arch}"
