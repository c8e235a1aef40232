"""What validation accepts, the compiler accepts: hypothesis draws plausible
specs (tests/unit/spec_strategies.py), and the generated table, stubs and
info of every accepted one compile for its arch (the handlers are the user's
to write, so nothing is linked)."""
import subprocess

from hypothesis import HealthCheck, given, settings, strategies as st
import pytest

from isr.load import arch_model
from tests.unit.spec_strategies import ARCHES, assert_accepted_or_refused_with_lines, plausible_line
from tools import toolchain

COMPILE_EXAMPLES = 16     # per arch: about a quarter are accepted, and their generated files compiled


def compile_generated(arch, gen):
    """Compile what the generator wrote (table, stubs, info) for arch; the handlers are the user's."""
    for name in toolchain.GENERATED_SOURCES:
        argv = toolchain.compile_command(arch, gen / name, gen / f"{name}.o", gen)
        result = subprocess.run(argv, capture_output=True, text=True)
        assert result.returncode == 0, f"gen/{name} does not compile:\n{result.stderr}"


@pytest.mark.parametrize("arch", ARCHES)
def test_what_validation_accepts_compiles(arch, tmp_path_factory):
    folder = tmp_path_factory.mktemp("accepted")
    model = arch_model(arch)
    required = [line for line, _ in model.REQUIRED.values()]

    @settings(max_examples=COMPILE_EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                     HealthCheck.filter_too_much])
    @given(st.lists(plausible_line(model), max_size=5))
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
    check()
