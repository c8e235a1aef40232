"""Hypothesis strategies for the spec language, and the property every spec must
have: drawn as text from the language's own parts (the three constructors, the
arch's vector names and numbers, handler names good and bad, styles, options)
mixed with values of the wrong type and with the Python mistakes users make (a
typo, a wrong keyword, sys.exit, a syntax error)."""
import re

from hypothesis import strategies as st

from isr import arches
from isr.generate import render
from isr.load import arch_model
from isr.validate import SpecError

ARCHES = arches.names()
WRONG_VALUES = st.sampled_from(["True", "False", "None", "1.5", "-1", "2**70", "[]", "[3]", "{}", "(1,)",
                                "b'x'", "'x'", "''", "print", "object()", "float('nan')"])


def vector_names(model):
    """Every name the arch model gives its vectors (some name no bindable vector: fine for a fuzzer)."""
    return sorted({model.vector_name(v) for v in model.HANDLER_VECTORS})


def numbers(model):
    return st.one_of(st.integers(-3, model.VECTOR_COUNT + 3), st.integers(), WRONG_VALUES)


def handler_names():
    good = st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12)
    taken = st.sampled_from(["kmain", "memset", "ticks", "recovery_resume", "isr_stub_14",
                             "isr_default_handler", "int", "while", "__x", "_start", "reset_entry"])
    odd = st.text(max_size=8)
    return st.one_of(good.map(repr), good.map(repr), taken.map(repr), odd.map(repr), WRONG_VALUES)


def options():
    names = st.sampled_from(["ist", "dpl", "priority", "prio", "error_code", "gate", "fiq", "kind", "nonblocking"])
    values = st.one_of(st.integers(-2, 300), WRONG_VALUES,
                       st.sampled_from(["0x20", "0x80", "0xa0", "'trap'", "'IRQ'", "'ABORT'"]))
    return st.lists(st.tuples(names, values), max_size=2, unique_by=lambda kv: kv[0])


@st.composite
def binding_line(draw, model):
    # Python mistakes are drawn rarely (1 in 20 each), so most specs get as far as validation.
    kind = draw(st.sampled_from(["exception", "irq", "interrupt"] * 7 + ["exeption"]))
    names = vector_names(model)
    number = draw(st.one_of(numbers(model), st.sampled_from(names).map(repr)))
    style = draw(st.one_of(st.sampled_from(["'abi'", "'stub'", "'naked'"]), WRONG_VALUES,
                           st.just("'fast'")))
    keyword = draw(st.sampled_from(["style"] * 19 + ["sytle"]))
    extra = "".join(f", {k}={v}" for k, v in draw(options()))
    return f"{kind}({number}, {draw(handler_names())}, {keyword}={style}{extra})"


@st.composite
def plausible_line(draw, model):
    """A line a careful user might write: right kinds, names and styles; numbers may still miss."""
    kind = draw(st.sampled_from(["exception", "irq", "interrupt"]))
    number = draw(st.one_of(st.sampled_from(vector_names(model)).map(repr),
                            st.integers(0, 64 if kind == "irq" else 255)))
    handler = "on_" + draw(st.text("abcdefghijklmnopqrstuvwxyz0123456789_", min_size=1, max_size=10))
    return f"{kind}({number}, {handler!r}, style={draw(st.sampled_from(model.STYLES))!r})"


@st.composite
def spec_text(draw, arch):
    model = arch_model(arch)
    lines = draw(st.lists(binding_line(model), max_size=6))
    if draw(st.booleans()):
        lines += [line for line, _ in model.REQUIRED.values()]
    lines = draw(st.permutations(lines))
    before = draw(st.sampled_from([""] * 12 + ["import sys\nsys.exit(0)\n", "x = undefined\n", "raise ValueError('no')\n",
                                   "def helper(n):\n    return irq(n, 'h', style='stub')\n", "VECTORS = 5\n"]))
    after = draw(st.sampled_from([""] * 8 + ["VECTORS.append(1)\n", "del VECTORS\n", "VECTORS = VECTORS[:1]\n",
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


