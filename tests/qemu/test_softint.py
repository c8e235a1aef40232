"""Software interrupts through `int N`, one handler per style, and the default handler."""
import pytest

from tests.qemu.report import one_report


@pytest.mark.parametrize("vector, style", [(0x41, "abi"), (0x42, "stub"), (0x43, "naked")])
def test_int_runs_the_handler_of_each_style_and_returns(x86, vector, style):
    output = x86.run(f"int {hex(vector)}")
    report = one_report(output)
    assert (report["vec"], report["name"], report["style"], report["then"]) == \
        (str(vector), "SW", style, "resume")
    # Every register the handler may have used is restored: RAX comes back as sent.
    assert f"int {vector}: returned rax={hex(0x1000 + vector)}" in output


def test_stub_handler_writes_back_through_the_trap_frame(x86):
    """on_syscall adds 1 to the saved RAX; the stub's restore makes it the result."""
    output = x86.run("int 0x80")
    assert one_report(output)["style"] == "stub"
    assert f"int 128: returned rax={hex(0x1080 + 1)}" in output


@pytest.mark.console_allows("unexpected-vector")
def test_unbound_vector_reaches_the_default_handler(x86):
    output = x86.run("int 0x44")
    report = one_report(output)
    assert (report["vec"], report["style"], report["note"], report["then"]) == \
        ("68", "default", "unexpected-vector", "resume")


def test_breakpoint_through_int_resumes(x86):
    output = x86.run("int 3")
    assert one_report(output)["then"] == "resume"
    assert "int 3: returned rax=0x1003" in output


def test_int_refuses_vectors_that_expect_an_error_code(x86):
    for vector, name in [(8, "#DF"), (13, "#GP"), (14, "#PF")]:
        output = x86.run(f"int {vector}")
        assert f"error: vector {vector} ({name}) takes a CPU error code" in output
        assert "[trap]" not in output


@pytest.mark.console_allows("unexpected-vector")
def test_int_on_an_unbound_fault_vector_recovers(x86):
    """Vector 19 (#XM) is not in the spec: the default handler treats it as a
    fault, and the armed recovery point brings the shell back."""
    output = x86.run("int 19")
    report = one_report(output)
    assert (report["name"], report["style"], report["then"]) == ("#XM", "default", "recover")
    assert "int 19: recovered" in output
