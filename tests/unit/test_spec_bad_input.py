"""Specs that used to slip through or lose their line (issue 14): each is refused
before anything is compiled, naming the file and line where the user wrote it."""
import os

import pytest

from isr import arches
from isr import kernel_symbols
from isr.generate import render
from isr.load import arch_model
from isr.validate import SpecError
from tests.conftest import ROOT
from tests.unit.spec_files import required_lines, write_raw, write_spec
from tools import toolchain

ARCHES = arches.names()


def rejected(path, arch="x86_64"):
    with pytest.raises(SpecError) as caught:
        render(arch, path)
    return caught.value.problems


# -- errors raised while the spec runs --------------------------------------------

def test_a_typo_is_reported_at_its_line_when_the_path_is_relative(tmp_path):
    """doit passes the spec relative to the repository; Python records it absolute."""
    path, (line,) = write_spec(tmp_path, 'exeption("#UD", "h", style="stub")')
    relative = os.path.relpath(path, ROOT)
    problem, = rejected(str(relative))
    assert problem.startswith(f"{relative}:{line}: NameError") and "exeption" in problem


def test_a_misspelt_keyword_is_reported_at_its_line(tmp_path):
    """Python said "missing 1 required keyword-only argument: 'style'" and never named sytle (issue 22)."""
    path, (line,) = write_spec(tmp_path, 'exception("#UD", "h", sytle="stub")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: exception() has no keyword sytle=; did you mean style=?")


def test_a_binding_made_in_a_helper_function_names_the_vectors_line(tmp_path):
    path = write_raw(tmp_path, """\
        from isr.spec import exception

        def stub(name, handler):
            return exception(name, handler, style="stub", ist=9)

        VECTORS = [
            stub("#UD", "on_ud"),
        ]
        """)
    problem, = rejected(path)
    assert problem.startswith(f"{path}:7: vector 6 (#UD): IST index 9 out of range")


def test_a_binding_imported_from_another_module_names_that_module(tmp_path, monkeypatch):
    (tmp_path / "spec_parts.py").write_text(
        'from isr.spec import exception\n\nBAD = exception("#UD", "on_ud", style="stub", dpl=7)\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    path = write_raw(tmp_path, "from spec_parts import BAD\n\nVECTORS = [BAD]\n")
    problem, = rejected(path)
    assert problem.startswith(f"{tmp_path / 'spec_parts.py'}:3: vector 6 (#UD): DPL 7 out of range")


def test_an_error_in_an_imported_module_names_that_module_and_the_import(tmp_path, monkeypatch):
    (tmp_path / "broken_parts.py").write_text("X = 1\nY = undefined_name\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    path = write_raw(tmp_path, "\nimport broken_parts\nVECTORS = []\n")
    problem, = rejected(path)
    assert problem.startswith(f"{tmp_path / 'broken_parts.py'}:2: NameError")
    assert problem.endswith(f"(reached from {path}:2)")


@pytest.mark.parametrize("call", ["sys.exit(0)", "sys.exit()", "raise SystemExit(3)"])
def test_a_spec_that_exits_is_refused(tmp_path, call):
    path = write_raw(tmp_path, f"import sys\n\n{call}\nVECTORS = []\n")
    problem, = rejected(path)
    assert problem.startswith(f"{path}:3: the spec calls sys.exit(") and "remove the call" in problem


@pytest.mark.parametrize("text, line, what", [
    ("X = 1\n", 1, "defines no VECTORS list"),
    ("\nVECTORS = 3\n", 2, "VECTORS is a int, not a list"),
    ("VECTORS = [\n    1,\n    'x',\n]\n", 3, "VECTORS[1] is 'x', not a binding"),
])
def test_what_is_not_a_vectors_list_gets_a_line(tmp_path, text, line, what):
    path = write_raw(tmp_path, text)
    assert any(p.startswith(f"{path}:{line}: {what}") for p in rejected(path))


# -- types -------------------------------------------------------------------------

@pytest.mark.parametrize("binding", [
    'exception(True, "h", style="stub")',
    'irq(True, "h", style="stub")',
    'interrupt(False, "h", style="stub")',
])
def test_a_bool_is_not_a_vector(tmp_path, binding):
    path, (line,) = write_spec(tmp_path, binding)
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: ") and "is a bool, not a vector" in problem


@pytest.mark.parametrize("option", ["ist=True", "dpl=True"])
def test_a_bool_is_not_an_option_value(tmp_path, option):
    name = option.split("=")[0]
    path, (line,) = write_spec(tmp_path, f'interrupt(0x80, "h", style="stub", {option})')
    assert rejected(path) == [f"{path}:{line}: vector 128 (SW): option {option} is a bool; "
                              f"give a number ({name}=1, not {name}=True)"]


def test_a_bool_priority_is_refused_on_cortex_m(tmp_path):
    path, (line,) = write_spec(tmp_path, 'irq(3, "h", style="stub", priority=False)')
    problem, = rejected(path, "cortex-m")
    assert problem.startswith(f"{path}:{line}: vector 19 (UART1_TX): option priority=False is a bool")


def test_a_list_as_handler_is_a_clear_error(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("#UD", ["on_ud"], style="stub")')
    assert rejected(path) == [f"{path}:{line}: vector 6 (#UD): handler ['on_ud'] is a list, not a name; "
                              f"give the C function as a string, e.g. \"on_timer\""]


def test_a_c_keyword_is_not_a_handler_name(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("#UD", "int", style="stub")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 6 (#UD): handler 'int' is a C keyword")


def test_error_code_takes_only_a_bool(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("#PF", "h", style="stub", error_code=1)')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 14 (#PF): error_code=1 must be True or False")


# -- names that are already taken --------------------------------------------------

@pytest.mark.parametrize("name", ["isr_default_handler", "isr_stub_14", "__isr_table_start",
                                  "__aeabi_uldivmod"])
def test_a_generated_or_reserved_name_is_not_a_handler(tmp_path, name):
    path, (line,) = write_spec(tmp_path, f'interrupt(0x90, "{name}", style="stub")')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 144 (SW): handler '{name}' starts with ")


@pytest.mark.parametrize("arch", ARCHES)
def test_every_shipped_spec_names_only_handlers(arch):
    """The symbol check must not refuse what the kernel defines for the spec to bind."""
    render(arch, f"isr/{arch}.py")


# -- what the kernel cannot do without ------------------------------------------------

@pytest.mark.parametrize("arch", ARCHES)
def test_an_empty_spec_is_told_what_the_kernel_needs(tmp_path, arch):
    path = write_raw(tmp_path, "VECTORS = []\n")
    problems = rejected(path, arch)
    model = arch_model(arch)
    assert len(problems) == len(model.REQUIRED) > 0
    for problem, (key, (line, reason)) in zip(problems, model.REQUIRED.items()):
        what = f"handler {key}" if isinstance(key, str) else f"vector {key} ({model.vector_name(key)})"
        assert problem == f"{path}:1: {what} must be bound: {reason}; add {line}"


@pytest.mark.parametrize("arch", ARCHES)
def test_every_handler_the_kernel_names_by_vector_is_required_with_its_line(arch):
    """The kernel's code that names ISR_VECTOR_<handler> needs that handler bound;
    the arch model must say so, with the line to add, not only the generic refusal."""
    names = kernel_symbols.scan(toolchain.ROOT, arch, toolchain.TARGETS[arch]["sources"])
    assert set(names.needed) <= set(arch_model(arch).REQUIRED), names.needed


def test_a_handler_the_kernel_names_by_vector_is_required(tmp_path):
    path, _ = write_spec(tmp_path, *required_lines("x86_64", "on_syscall"))
    problem, = rejected(path)
    assert problem.startswith(f"{path}:3: handler on_syscall must be bound: the ring-3 task's system calls")
    assert problem.endswith('add interrupt(0x80, "on_syscall", style="stub", dpl=3, gate="trap")')


@pytest.mark.parametrize("arch", ARCHES)
def test_the_required_lines_are_enough(tmp_path, arch):
    path, _ = write_spec(tmp_path, *required_lines(arch))
    render(arch, path)
