"""Typos a student met (issue 22): a misspelt keyword of exception(), irq() or
interrupt() is named, with the keyword it is near; a misspelt handler that the
kernel needs is named at its own line, with the name it is near, instead of
asking for a line that is already there."""
import pytest

from isr import spec
from isr.generate import render
from isr.load import arch_model
from isr.validate import SpecError, resolve
from tests.unit.spec_files import required_lines, write_spec


def rejected(path, arch="x86_64"):
    with pytest.raises(SpecError) as caught:
        render(arch, path)
    return caught.value.problems


@pytest.mark.parametrize("line, call, typo, keyword", [
    ('exception("#UD", "h", stlye="stub")', "exception()", "stlye", "style"),
    ('irq(3, "h", sytle="stub")', "irq()", "sytle", "style"),
    ('interrupt(0x90, "h", styl="stub")', "interrupt()", "styl", "style"),
])
def test_a_misspelt_style_names_the_typo_and_the_keyword(tmp_path, line, call, typo, keyword):
    """Python said only "missing 1 required keyword-only argument: 'style'"."""
    path, (at, *_) = write_spec(tmp_path, line, *required_lines("x86_64"))
    assert rejected(path) == [f"{path}:{at}: {call} has no keyword {typo}=; did you mean {keyword}=? "
                              f"write {keyword}='stub'"]


def test_the_rest_of_a_line_with_a_typo_is_checked_as_meant(tmp_path):
    path, (line,) = write_spec(tmp_path, 'exception("#PF", "h", stlye="nope", eror_code=False)')
    problems = rejected(path)
    assert problems[0] == f"{path}:{line}: exception() has no keyword eror_code=; did you mean error_code=? " \
                          f"write error_code=False"
    assert problems[1] == f"{path}:{line}: exception() has no keyword stlye=; did you mean style=? " \
                          f"write style='nope'"
    assert problems[2].startswith(f"{path}:{line}: vector 14 (#PF): style 'nope' unknown")
    assert problems[3].startswith(f"{path}:{line}: vector 14 (#PF): error_code=False disagrees with the CPU")
    assert len(problems) == 4


@pytest.mark.parametrize("arch, binding", [("x86_64", 'irq(3, "h")'), ("aarch64", 'irq(40, "h")')])
def test_a_missing_style_is_asked_for_with_the_arch_styles(tmp_path, arch, binding):
    path, (line, *_) = write_spec(tmp_path, binding, *required_lines(arch))
    choices = " or ".join(f'style="{s}"' for s in arch_model(arch).STYLES)
    assert rejected(path, arch) == [f"{path}:{line}: irq() needs style=; add {choices} (the styles {arch} has)"]


def test_an_option_far_from_every_keyword_is_left_to_the_arch(tmp_path):
    path, (line,) = write_spec(tmp_path, 'interrupt(0x90, "h", style="stub", colour=1)')
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 144 (SW): option colour= does not exist")


def test_a_misspelt_required_handler_is_named_at_its_line(tmp_path):
    """Was: "handler on_syscall must be bound ... add interrupt(0x80, ...)" at VECTORS,
    though the line was there, spelt on_sycall."""
    lines = required_lines("x86_64")
    typo = [line.replace('"on_syscall"', '"on_sycall"') for line in lines]
    path, numbers = write_spec(tmp_path, *typo)
    at = numbers[typo.index(next(line for line in typo if "on_sycall" in line))]
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{at}: vector 128 (SW): handler on_sycall: did you mean on_syscall? "
                              f"on_syscall must be bound and is bound nowhere: ")
    assert problem.endswith("; rename on_sycall to on_syscall, or add "
                            'interrupt(0x80, "on_syscall", style="stub", dpl=3, gate="trap")')


def test_a_misspelt_handler_the_kernel_names_by_vector_is_named_at_its_line():
    """The same for a handler the kernel's code names as ISR_VECTOR_<handler>."""
    model = arch_model("x86_64")
    bindings = [spec.interrupt(0x90, "on_doorbel", style="stub")]
    line = bindings[0].where
    needed = {"on_doorbell": "kernel/x86_64/doorbell.c:12"}
    with pytest.raises(SpecError) as caught:
        resolve(bindings, model, spec="spec.py:3", needed=needed)
    typo = [p for p in caught.value.problems if "on_doorbel" in p]
    assert typo == [f"{line}: vector 144 (SW): handler on_doorbel: did you mean on_doorbell? on_doorbell must be "
                    f"bound and is bound nowhere: the kernel's code names its vector as ISR_VECTOR_on_doorbell "
                    f"(kernel/x86_64/doorbell.c:12), so without it the kernel does not compile; rename on_doorbel "
                    f"to on_doorbell"]


def test_a_handler_far_from_a_missing_one_is_not_taken_for_a_typo(tmp_path):
    lines = [line for line in required_lines("x86_64") if "on_syscall" not in line]
    path, _ = write_spec(tmp_path, 'interrupt(0x90, "on_timer_b", style="stub")', *lines)
    problem, = rejected(path)
    assert problem.startswith(f"{path}:3: handler on_syscall must be bound: ")
