"""Check a spec against its arch's facts and resolve it into one slot per table entry.

The checks that hold on every arch live here; the arch model (isr/arch_<arch>/)
says which vectors a binding may name, which options exist, and what each
slot's table entry is. Every error names the spec file and line, the vector,
what is wrong and how to fix it; all errors are collected so the user sees
them in one run.
"""
import re
from dataclasses import dataclass, field, replace

from isr.spec import STYLES

C_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
C_KEYWORDS = frozenset(
    "auto break case char const continue default do double else enum extern float for goto if "
    "inline int long register restrict return short signed sizeof static struct switch typedef "
    "union unsigned void volatile while _Bool _Complex _Imaginary _Alignas _Alignof _Atomic "
    "_Generic _Noreturn _Static_assert _Thread_local".split())

# bench= marks a bench vector for tools/cost.py, on every arch: "counter" (the
# handler increments bench_counter and returns) or "call" (it does so through
# a call to an ordinary function). The arch models never see this option.
BENCH_SHAPES = ("counter", "call")


class SpecError(Exception):
    """One or more problems in a spec; str() lists them one per line."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Slot:
    """What one entry of the table holds after validation."""
    vector: int
    name: str            # the arch's name: "#PF", "IRQ4", "SW", ...
    kind: str            # "exception", "irq", "software" or "default"
    handler: str         # the C function (or naked entry) that does the work
    style: str           # abi, stub, naked or default
    entry: str           # the symbol the table points at
    error_code: bool     # the CPU pushes an error code on this vector
    options: dict = field(default_factory=dict, compare=False)   # as the arch model resolved them
    where: str = ""      # spec file:line, or "" for generated defaults
    bench: str = ""      # one of BENCH_SHAPES for a bench vector, else ""

    def option(self, name, default=0):
        return self.options.get(name, default)


def direct_entry_symbol(style, vector, handler):
    """The usual answer to the arch hook entry_symbol(): the table points at the
    handler itself for abi and naked, else at the generated stub or default
    entry that saves the trap frame first."""
    if style in ("abi", "naked"):
        return handler
    if style == "stub":
        return f"isr_stub_{vector}"
    return f"isr_default_{vector}"


def _check_common(binding, vector, arch, say):
    if not isinstance(binding.handler, str) or not C_IDENTIFIER.match(binding.handler) \
            or binding.handler in C_KEYWORDS:
        say(f"handler {binding.handler!r} is not a C identifier; use letters, digits and _, "
            f"not starting with a digit")
    if binding.style not in STYLES:
        say(f"style {binding.style!r} unknown; use one of: {', '.join(STYLES)}")
    elif binding.style not in arch.STYLES:
        say(f"style {binding.style!r} is not available on {arch.NAME}: {arch.STYLE_REFUSALS[binding.style]}")
    pushes = arch.has_error_code(vector)
    if binding.error_code is not None and bool(binding.error_code) != pushes:
        fact = arch.ERROR_CODE_FACTS[pushes]
        say(f"error_code={binding.error_code!r} disagrees with the CPU: "
            f"{arch.vector_name(vector)} {fact}; drop error_code= and let the arch decide")


def _check_bench(binding, say):
    bench = binding.option("bench", "")
    if bench not in ("",) + BENCH_SHAPES:
        say(f"bench={bench!r} unknown; use one of: {', '.join(BENCH_SHAPES)}")
        return ""
    return bench


def resolve(bindings, arch):
    """Validate bindings; return one Slot per table entry of the arch, defaults included."""
    problems, slots, prototypes = [], {}, {}
    for binding in bindings:
        where = binding.where
        vector = None

        def say(message):
            subject = f"vector {vector} ({arch.vector_name(vector)}): " if vector is not None else ""
            problems.append(f"{where}: {subject}{message}")

        vector = arch.resolve_vector(binding, say)
        if vector is None:
            continue
        _check_common(binding, vector, arch, say)
        bench = _check_bench(binding, say)
        options = arch.check_options(replace(binding, options=tuple(o for o in binding.options
                                                                    if o[0] != "bench")), vector, say)
        if vector in slots:
            first = slots[vector]
            say(f"bound twice: already bound to {first.handler} at {first.where}; keep one line")
            continue
        shape = (binding.style, arch.has_error_code(vector))
        if prototypes.setdefault(binding.handler, (shape, where))[0] != shape:
            other = prototypes[binding.handler][1]
            say(f"handler {binding.handler} is also bound at {other} with another style or error-code "
                f"shape, so one C prototype cannot serve both; give each its own handler")
        slots[vector] = Slot(vector, arch.vector_name(vector), binding.kind, binding.handler,
                             binding.style, arch.entry_symbol(binding.style, vector, binding.handler),
                             arch.has_error_code(vector), options, str(where), bench)
    if problems:
        raise SpecError(problems)
    for vector in arch.HANDLER_VECTORS:
        if vector not in slots:
            slots[vector] = Slot(vector, arch.vector_name(vector), "default", "isr_default_handler",
                                 "default", arch.entry_symbol("default", vector, None),
                                 arch.has_error_code(vector), arch.default_options(vector))
    resolved = [slots[v] for v in arch.HANDLER_VECTORS]
    across = getattr(arch, "check_slots", None)      # an arch's rules between bindings, if it has any
    problems = across(resolved) if across else []
    if problems:
        raise SpecError(problems)
    return resolved
