"""Every bad spec is rejected with its file, line, vector, what is wrong and the fix."""
import pytest

from isr.generate import generate, render
from isr.validate import SpecError
from tests.unit.spec_files import required_lines, write_raw, write_spec


def rejected(path):
    with pytest.raises(SpecError) as caught:
        render("x86_64", path)
    return caught.value.problems


def test_duplicate_vector_names_both_lines(tmp_path):
    path, (first, second) = write_spec(tmp_path, 'exception("#PF", "pf_a", style="stub")',
                                       'exception(14, "pf_b", style="abi")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{second}: vector 14 (#PF): bound twice")
    assert f"{path}:{first}" in problem and "keep one line" in problem


def test_vector_out_of_range(tmp_path):
    path, (line,) = write_spec(tmp_path, 'interrupt(300, "h", style="stub")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 300 out of range 0-255")


def test_exception_vector_used_as_a_software_interrupt(tmp_path):
    path, (line,) = write_spec(tmp_path, 'interrupt(14, "h", style="stub")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 14 is the CPU exception #PF")
    assert "exception(14, ...)" in problem


def test_pic_vector_must_be_bound_as_an_irq(tmp_path):
    path, (line,) = write_spec(tmp_path, 'interrupt(33, "h", style="stub")')
    problem, = rejected(path)
    assert f"{path}:{line}: vector 33 carries IRQ 1; bind it with irq(1, ...)" in problem


def test_irq_line_out_of_range(tmp_path):
    path, (line,) = write_spec(tmp_path, 'irq(16, "h", style="stub")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: IRQ 16 out of range 0-15")


def test_exception_number_that_is_not_an_exception(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception(40, "h", style="stub")')
    assert rejected(path)[0].startswith(f"{path}:{line}: vector 40 is not a CPU exception")


def test_reserved_exception_vector(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception(15, "h", style="stub")')
    assert rejected(path)[0] == f"{path}:{line}: vector 15 is reserved: the CPU never raises it; remove this line"


def test_unknown_mnemonic_lists_the_known_ones(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("#XX", "h", style="stub")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: exception '#XX' is not an x86_64 exception")
    assert "#PF" in problem and "#GP" in problem


@pytest.mark.parametrize("handler", ["2fast", "on-pf", "on pf", ""])
def test_handler_must_be_a_c_identifier(tmp_path, handler):
    path, (line,) = write_spec(tmp_path, f'exception("#UD", {handler!r}, style="stub")')
    problem, = rejected(path)
    assert problem == (f"{path}:{line}: vector 6 (#UD): handler {handler!r} is not a C identifier; "
                       f"use letters, digits and _, not starting with a digit")


def test_unknown_style(tmp_path):
    path, (line,) = write_spec(tmp_path, 'irq(0, "tick", style="fast")')
    assert rejected(path) == [f"{path}:{line}: vector 32 (IRQ0): style 'fast' unknown; "
                              f"use one of: abi, stub, naked"]


@pytest.mark.parametrize("spec, fact", [
    ('exception("#PF", "h", style="abi", error_code=False)', "#PF pushes an error code"),
    ('exception("#BP", "h", style="abi", error_code=True)', "#BP pushes no error code"),
])
def test_error_code_shape_must_agree_with_the_cpu(tmp_path, spec, fact):
    path, (line,) = write_spec(tmp_path, spec)
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector")
    assert fact in problem and "drop error_code=" in problem


@pytest.mark.parametrize("ist", [8, -1])
def test_ist_index_out_of_range(tmp_path, ist):
    path, (line,) = write_spec(tmp_path, f'exception("#DF", "h", style="stub", ist={ist})')
    assert rejected(path) == [f"{path}:{line}: vector 8 (#DF): IST index {ist} out of range 0-7 "
                              f"(0 = stay on the current stack)"]


def test_dpl_out_of_range(tmp_path):
    path, (line,) = write_spec(tmp_path, 'interrupt(0x80, "h", style="stub", dpl=4)')
    assert rejected(path) == [f"{path}:{line}: vector 128 (SW): DPL 4 out of range 0-3"]


def test_unknown_gate_type_names_both(tmp_path):
    path, (line,) = write_spec(tmp_path, 'interrupt(0x80, "h", style="stub", gate="task")')
    assert rejected(path) == [f"{path}:{line}: vector 128 (SW): gate='task' unknown; use gate=\"interrupt\" "
                              f"(IF cleared on entry, the default) or gate=\"trap\" (IF left as it was)"]


def test_unknown_option(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("#UD", "h", style="stub", priority=2)')
    assert rejected(path) == [f"{path}:{line}: vector 6 (#UD): option priority= does not exist on x86_64; "
                              f"known: ist, dpl, gate"]


def test_one_handler_cannot_take_two_prototypes(tmp_path):
    path, (first, second) = write_spec(tmp_path, 'exception("#UD", "h", style="abi")',
                                       'exception("#GP", "h", style="abi")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{second}: vector 13 (#GP): handler h is also bound at {path}:{first}")


def test_same_stub_handler_may_serve_several_vectors(tmp_path):
    path, _ = write_spec(tmp_path, 'interrupt(0x50, "h", style="stub")', 'interrupt(0x51, "h", style="stub")',
                         *required_lines("x86_64"))
    assert render("x86_64", path)["isr.h"].count("void h(struct trap_frame *frame);") == 1


def test_all_problems_are_reported_at_once(tmp_path):
    path, lines = write_spec(tmp_path, 'irq(99, "a", style="stub")', 'exception("#DE", "b", style="nope")')
    problems = rejected(path)
    assert [p.split(":")[1] for p in problems] == [str(n) for n in lines]


def test_python_errors_in_the_spec_name_the_line(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("#DE", style="stub")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: TypeError") and "'handler'" in problem


def test_syntax_error_names_the_line(tmp_path):
    path = write_raw(tmp_path, "VECTORS = [\n    exception(\n")
    problem, = rejected(path)
    assert problem.startswith(f"{path}:") and "syntax error" in problem


def test_spec_without_vectors(tmp_path):
    path = write_raw(tmp_path, "X = 1\n")
    assert "defines no VECTORS list" in rejected(path)[0]


def test_vectors_must_hold_bindings(tmp_path):
    path = write_raw(tmp_path, "VECTORS = [(14, 'on_pf')]\n")
    assert "VECTORS[0] is (14, 'on_pf'), not a binding" in rejected(path)[0]


def test_missing_spec_file(tmp_path):
    assert "spec file not found" in rejected(tmp_path / "nope.py")[0]


def test_a_rejected_spec_writes_nothing(tmp_path):
    good, _ = write_spec(tmp_path, 'exception("#UD", "h", style="stub")', *required_lines("x86_64"),
                         name="good.py")
    out = tmp_path / "gen"
    generate("x86_64", good, out)
    before = {p.name: p.read_text() for p in out.iterdir()}
    bad, _ = write_spec(tmp_path, 'exception("#UD", "h", style="stub")', 'irq(77, "x", style="stub")',
                        name="bad.py")
    with pytest.raises(SpecError):
        generate("x86_64", bad, out)
    assert {p.name: p.read_text() for p in out.iterdir()} == before
