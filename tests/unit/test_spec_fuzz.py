"""Fuzz the spec language with hypothesis: whatever a spec says, validation
either accepts it, and what it generates compiles, or rejects it with every
message naming the spec file and a line > 0. Nothing else may escape.

Specs are drawn as text from the language's own parts (the three constructors,
the arch's vector names and numbers, handler names good and bad, styles,
options) mixed with values of the wrong type and with the Python mistakes
users make (a typo, a wrong keyword, sys.exit, a syntax error)."""
import re
import subprocess

from hypothesis import HealthCheck, given, settings, strategies as st
import pytest

from isr.generate import render
from isr.load import arch_model
from isr.validate import SpecError
from tools import toolchain

ARCHES = ("x86_64", "aarch64", "riscv64", "cortex-m")
FUZZ_EXAMPLES = 150       # per arch: validation only, milliseconds each
COMPILE_EXAMPLES = 16     # per arch: about a quarter are accepted, and their generated files compiled

WRONG_VALUES = st.sampled_from(["True", "False", "None", "1.5", "-1", "2**70", "[]", "[3]", "{}", "(1,)",
                                "b'x'", "'x'", "''", "print", "object()", "float('nan')"])


def vector_names(model):
    """The names an arch's exception() accepts, read from the arch model."""
    for attribute in ("EXCEPTIONS", "VBAR_NAMES"):
        table = getattr(model, attribute, None)
        if isinstance(table, dict):
            return [getattr(e, "mnemonic", None) or getattr(e, "name") for e in table.values()]
        if table:
            return list(table)
    return []


def numbers(model):
    return st.one_of(st.integers(-3, model.VECTOR_COUNT + 3), st.integers(), WRONG_VALUES)


def handler_names():
    good = st.from_regex(r"\A[a-z_][a-z0-9_]{0,12}\Z")
    taken = st.sampled_from(["kmain", "memset", "ticks", "recovery_resume", "isr_stub_14",
                             "isr_default_handler", "int", "while", "__x", "_start", "reset_entry"])
    odd = st.text(max_size=8)
    return st.one_of(good, good, taken, odd.map(repr), WRONG_VALUES)


def options():
    names = st.sampled_from(["ist", "dpl", "priority", "prio", "error_code"])
    values = st.one_of(st.integers(-2, 300), WRONG_VALUES, st.sampled_from(["0x20", "0x80", "0xa0"]))
    return st.lists(st.tuples(names, values), max_size=2, unique_by=lambda kv: kv[0])


@st.composite
def binding_line(draw, model):
    kind = draw(st.sampled_from(["exception", "irq", "interrupt", "exeption"]))
    names = vector_names(model)
    number = draw(st.one_of(numbers(model), st.sampled_from(names).map(repr))) if names else \
        draw(numbers(model))
    style = draw(st.one_of(st.sampled_from(["'abi'", "'stub'", "'naked'"]), WRONG_VALUES,
                           st.just("'fast'")))
    keyword = draw(st.sampled_from(["style", "style", "style", "sytle"]))
    extra = "".join(f", {k}={v}" for k, v in draw(options()))
    return f"{kind}({number}, {draw(handler_names())}, {keyword}={style}{extra})"


@st.composite
def plausible_line(draw, model):
    """A line a careful user might write: right kinds, names and styles; numbers may still miss."""
    kind = draw(st.sampled_from(["exception", "irq", "interrupt"]))
    number = repr(draw(st.sampled_from(vector_names(model)))) if kind == "exception" else \
        draw(st.integers(0, 64 if kind == "irq" else 255))
    handler = draw(st.from_regex(r"\Aon_[a-z0-9_]{1,10}\Z"))
    return f"{kind}({number}, {handler!r}, style={draw(st.sampled_from(model.STYLES))!r})"


@st.composite
def spec_text(draw, arch):
    model = arch_model(arch)
    lines = draw(st.lists(binding_line(model), max_size=6))
    if draw(st.booleans()):
        lines += [line for line, _ in model.REQUIRED.values()]
    lines = draw(st.permutations(lines))
    before = draw(st.sampled_from(["", "", "import sys\nsys.exit(0)\n", "x = undefined\n", "raise ValueError('no')\n",
                                   "def helper(n):\n    return irq(n, 'h', style='stub')\n", "VECTORS = 5\n"]))
    after = draw(st.sampled_from(["", "", "VECTORS.append(1)\n", "del VECTORS\n", "VECTORS = VECTORS[:1]\n",
                                  "(\n"]))
    body = "".join(f"    {line},\n" for line in lines)
    return f"from isr.spec import exception, interrupt, irq\n{before}\nVECTORS = [\n{body}]\n{after}"


def assert_accepted_or_refused_with_lines(arch, path):
    """render() returns the generated files, or every problem names path and a line > 0."""
    try:
        return render(arch, path)
    except SpecError as error:
        assert error.problems, "a SpecError with no problem in it"
        for problem in error.problems:
            found = re.match(rf"{re.escape(str(path))}:(\d+): \S", problem)
            assert found and int(found[1]) > 0, f"no file and line in: {problem!r}"
        return None


@pytest.mark.parametrize("arch", ARCHES)
def test_every_spec_is_accepted_or_refused_with_its_file_and_line(arch, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(spec_text(arch))
    def check(text):
        path = folder / "spec.py"
        path.write_text(text)
        assert_accepted_or_refused_with_lines(arch, path)
    check()


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
