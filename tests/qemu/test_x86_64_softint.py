"""Software interrupts through `int N`: every software vector the spec binds, and the default handler.

Which vectors and styles come from the manifest: a vector a student adds
(`interrupt(0x50, ...)`) is raised here too. What a handler does is its C's
business, so RAX is checked only for the kernel's own handlers, by name.
"""
import pytest

from isr.load import arch_model

from tests.facts import bound, free_software_vectors, slots
from tests.qemu.report import one_report, reports

ARCH = "x86_64"
# The kernel's software handlers (kernel/x86_64/softint.c, softint_naked.S):
# each reports once, and on_syscall adds 1 to the RAX it returns.
RAX_ADDED = {"on_soft_abi": 0, "on_soft_stub": 0, "soft_naked_entry": 0, "on_syscall": 1}


def software_slots():
    return [s for s in bound(ARCH) if s["kind"] == "software"]


def test_int_runs_every_bound_software_handler_and_returns(x86):
    for slot in software_slots():
        typed = hex(slot["vector"])
        output = x86.run(f"int {typed}")
        if slot["handler"] in RAX_ADDED:
            report = one_report(output)
            assert (report["vec"], report["name"], report["style"], report["then"]) == \
                (str(slot["vector"]), "SW", slot["style"], "resume"), output
            # Every register the handler may have used is restored: RAX comes back as sent (plus what it adds).
            assert f"int {typed}: returned rax={hex(0x1000 + slot['vector'] + RAX_ADDED[slot['handler']])}" \
                in output, output
        else:           # a handler of the user's own: it must at least come back to the shell
            assert f"int {typed}: returned rax=" in output or f"int {typed}: recovered" in output, output
            assert all(r["vec"] == str(slot["vector"]) for r in reports(output)), output


@pytest.mark.console_allows("unexpected-vector")     # a free vector, on purpose
def test_int_is_echoed_as_typed(x86):
    vector = free_software_vectors(ARCH)[0]
    assert f"int {hex(vector)}: returned rax={hex(0x1000 + vector)}" in x86.run(f"int {hex(vector)}")
    assert f"int {vector}: returned rax={hex(0x1000 + vector)}" in x86.run(f"int {vector}")


@pytest.mark.console_allows("unexpected-vector")
def test_unbound_vector_reaches_the_default_handler(x86):
    vector = free_software_vectors(ARCH)[0]
    output = x86.run(f"int {vector}")
    report = one_report(output)
    assert (report["vec"], report["style"], report["note"], report["then"]) == \
        (str(vector), "default", "unexpected-vector", "resume")


def test_int_refuses_vectors_that_expect_an_error_code(x86):
    model = arch_model(ARCH)
    for vector in (8, 13, 14):
        assert model.has_error_code(vector)
        output = x86.run(f"int {vector}")
        assert f"error: vector {vector} ({model.vector_name(vector)}) takes a CPU error code" in output
        assert "[trap]" not in output


@pytest.mark.console_allows("unexpected-vector")
def test_int_on_an_unbound_fault_vector_recovers(x86):
    """A fault vector the spec leaves out (vector 19, #XM, in the shipped spec):
    the default handler treats it as a fault, and the armed recovery point
    brings the shell back."""
    exceptions = arch_model(ARCH).EXCEPTIONS
    vector = next(s["vector"] for s in slots(ARCH) if s["style"] == "default" and s["vector"] in exceptions
                  and exceptions[s["vector"]].kind == "fault" and not exceptions[s["vector"]].error_code)
    output = x86.run(f"int {vector}")
    report = one_report(output)
    assert (report["name"], report["style"], report["then"]) == (exceptions[vector].mnemonic, "default", "recover")
    assert f"int {vector}: recovered" in output


def test_breakpoint_through_int_resumes(x86):
    """#BP is a trap: whichever handler the spec gives it, `int 3` comes back past it."""
    output = x86.run("int 3")
    assert one_report(output)["then"] == "resume"
    assert "int 3: returned rax=0x1003" in output
