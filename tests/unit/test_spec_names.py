"""Handler names that validation let through and the compiler or assembler then
refused, far from the spec line (issue 22): names the C headers around
gen/isr.h define, and the arch's register names. Each is refused at its line."""
import ast

import pytest

from isr import arches
from isr.generate import render
from isr.load import arch_model
from isr.validate import SpecError
from tests.unit.spec_files import required_lines, write_spec

ARCHES = arches.names()


def rejected(path, arch="x86_64"):
    with pytest.raises(SpecError) as caught:
        render(arch, path)
    return caught.value.problems


@pytest.mark.parametrize("name, header", [
    ("bool", "<stdbool.h>"), ("true", "<stdbool.h>"), ("false", "<stdbool.h>"),
    ("uint8_t", "<stdint.h>"), ("int64_t", "<stdint.h>"), ("UINT32_MAX", "<stdint.h>"), ("INT8_C", "<stdint.h>"),
    ("size_t", "<stddef.h>"), ("NULL", "<stddef.h>"), ("offsetof", "<stddef.h>"),
])
def test_a_name_the_c_headers_define_is_not_a_handler(tmp_path, name, header):
    """`bool` used to fail only when gen/isr.h was compiled, without the spec line."""
    path, (line, *_) = write_spec(tmp_path, f'interrupt(0x90, "{name}", style="stub")', *required_lines("x86_64"))
    assert rejected(path) == [f"{path}:{line}: vector 144 (SW): handler {name!r} is defined by {header}, which the "
                              f"kernel's C includes, so a function of that name does not compile; name it e.g. "
                              f"\"on_{name}\""]


@pytest.mark.parametrize("name", ["int", "alignas", "typeof", "nullptr"])
def test_a_keyword_of_some_c_is_not_a_handler(tmp_path, name):
    path, (line, *_) = write_spec(tmp_path, f'interrupt(0x90, "{name}", style="stub")', *required_lines("x86_64"))
    problem, = rejected(path)
    assert problem.startswith(f"{path}:{line}: vector 144 (SW): handler {name!r} is a ") and "keyword" in problem


@pytest.mark.parametrize("name", ["x0", "X0", "w30", "sp", "lr", "xzr", "v7", "q31"])
def test_an_aarch64_register_is_not_a_handler(tmp_path, name):
    """A naked handler named x0 used to fail in the assembler (`b x0`: expected label)."""
    path, (line, *_) = write_spec(tmp_path, f'exception("EL1T_SYNC", "{name}", style="naked")',
                               *required_lines("aarch64"))
    assert rejected(path, "aarch64") == [
        f"{path}:{line}: vector 0 (EL1T_SYNC): handler {name!r} is also the name of a register on aarch64: in "
        f"assembly (the generated table and stubs, or a naked entry's own) an operand spelt {name} can mean "
        f"the register, not your function; name it e.g. \"on_{name}\""]


def _line_with_handler(arch, name):
    """The arch's first required line, its handler renamed."""
    call = ast.parse(next(iter(arch_model(arch).REQUIRED.values()))[0], mode="eval").body
    call.args[1] = ast.Constant(name)
    return ast.unparse(call)


@pytest.mark.parametrize("arch", ARCHES)
def test_every_arch_refuses_its_own_register_names(tmp_path, arch):
    """Each arch model owns its register names; validation refuses them at their line, in any case."""
    registers = arch_model(arch).REGISTER_NAMES
    assert registers and all(name == name.lower() for name in registers)
    name = sorted(registers)[0].upper()
    path, (line, *_) = write_spec(tmp_path, _line_with_handler(arch, name), *required_lines(arch))
    problem, = rejected(path, arch)
    assert problem.startswith(f"{path}:{line}: ")
    assert f"handler {name!r} is also the name of a register on {arch}: " in problem

