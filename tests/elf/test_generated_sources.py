"""What validation accepts, the compiler accepts: hypothesis draws plausible
specs (tests/unit/spec_strategies.py, and lines that bind the vectors the
build leaves free), and the generated table, stubs and info of every accepted
one compile for its arch (the handlers are the user's to write, so nothing is
linked)."""
import subprocess

from hypothesis import HealthCheck, given, settings, strategies as st
import pytest

from isr.load import arch_model
from isr.spec import Binding
from tests.facts import CONSTRUCTOR, slots
from tests.unit.spec_strategies import ARCHES, assert_accepted_or_refused_with_lines, plausible_line
from tools import toolchain

COMPILE_EXAMPLES = 16     # per arch: the accepted ones have their generated files compiled


def compile_generated(arch, gen):
    """Compile what the generator wrote (table, stubs, info) for arch; the handlers are the user's."""
    for name in toolchain.GENERATED_SOURCES:
        argv = toolchain.compile_command(arch, gen / name, gen / f"{name}.o", gen)
        result = subprocess.run(argv, capture_output=True, text=True)
        assert result.returncode == 0, f"gen/{name} does not compile:\n{result.stderr}"


def free_bindings(arch):
    """(constructor, number) of each vector the build leaves to the default,
    as the arch model resolves them (a vector no constructor reaches is left out)."""
    model = arch_model(arch)
    found = []
    for free in (s for s in slots(arch) if s["style"] == "default"):
        for kind, constructor in CONSTRUCTOR.items():
            number = model.spec_number(kind, free["vector"])
            if model.resolve_vector(Binding(kind, number, "h", "stub"), lambda problem: None) == free["vector"]:
                found.append((constructor, number))
                break
    return found


@st.composite
def bindable_line(draw, free, styles):
    """A line that binds one of the free vectors (so it clashes with no required
    line), with any style of the arch. Validation may still refuse it (a style
    the vector cannot take), but far less often than plausible_line, whose
    specs with a few lines are nearly all refused on avr, riscv64 and msp430."""
    constructor, number = draw(st.sampled_from(free))
    handler = f"on_{constructor}{number}_" + draw(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6))
    return f"{constructor}({number}, {handler!r}, style={draw(st.sampled_from(styles))!r})"


@pytest.mark.parametrize("arch", ARCHES)
def test_what_validation_accepts_compiles(arch, tmp_path_factory):
    folder = tmp_path_factory.mktemp("accepted")
    model = arch_model(arch)
    required = [line for line, _ in model.REQUIRED.values()]
    compiled = []
    free = free_bindings(arch)
    assert free, f"{arch}: no vector is left to the default"

    @settings(max_examples=COMPILE_EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                     HealthCheck.filter_too_much])
    @given(st.lists(st.one_of(bindable_line(free, model.STYLES), bindable_line(free, model.STYLES),
                              plausible_line(model)), max_size=5,
                    unique_by=lambda line: line.split(",")[0]))          # one line per vector
    def check(lines):
        path = folder / "spec.py"
        body = "".join(f"    {line},\n" for line in lines + required)
        path.write_text(f"from isr.spec import exception, interrupt, irq\n\nVECTORS = [\n{body}]\n")
        files = assert_accepted_or_refused_with_lines(arch, path)
        if files is None:
            return
        gen = folder / "gen"
        gen.mkdir(exist_ok=True)
        for name, text in files.items():
            (gen / name).write_text(text)
        compile_generated(arch, gen)
        compiled.append(lines)
    check()
    # Derandomized, so the same examples every run. The required lines alone are
    # no test of the property: at least one accepted spec must bind more.
    assert any(compiled), f"{arch}: validation accepted none of the {COMPILE_EXAMPLES} drawn specs that bind " \
                          f"more than the required lines: the property was not tried"
