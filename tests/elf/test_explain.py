"""`doit explain-<arch> VECTOR`: every bound vector's path, as the build and the arch model state it."""
import pytest

from isr.load import arch_model
from tools import toolchain
from reports.explain import explain, vector_of

from tests.facts import bound, slots, table_symbol

ARCHES = list(toolchain.TARGETS)


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
