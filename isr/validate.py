"""Check a spec against its arch's facts and resolve it into one slot per table entry.

The checks that hold on every arch live here; the arch model (isr/arch_<arch>/)
says which vectors a binding may name, which options exist, and what each
slot's table entry is. Every error names the spec file and line, the vector,
what is wrong and how to fix it; all errors are collected so the user sees
them in one run.
"""
import difflib
from dataclasses import dataclass, field, replace

from isr import languages, required, styles
from isr.c_names import C_IDENTIFIER, C_KEYWORDS, clash  # noqa: F401 (C_KEYWORDS: isr/kernel_symbols.py)
from isr.spec import CONSTRUCTORS, KEYWORDS, STYLES

# bench= marks a bench vector for reports/cost.py, on every arch: "counter" (the
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
    lang: str = languages.DEFAULT    # the handler's language (isr/languages.py)

    def option(self, name, default=0):
        return self.options.get(name, default)


def direct_entry_symbol(style, vector, handler):
    """The usual answer to the arch hook entry_symbol(): the table points at the
    handler itself (abi, naked), or at the generated entry that saves the trap
    frame first (isr_stub_N, isr_default_N: isr/styles.py generated_entry)."""
    known = styles.STYLES.get(style) if isinstance(style, str) else None
    if known is None:           # refused by validation, which names it: the slot never reaches the manifest
        return f"isr_{styles.DEFAULT}_{vector}"
    return f"isr_{style}_{vector}" if known.generated_entry else handler


def is_int(value):
    """A number a user can mean as a vector, line or option: True is an int to
    Python (dpl=True would be DPL 1), never to the user."""
    return isinstance(value, int) and not isinstance(value, bool)


def _short(value, limit=60):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def _check_handler(binding, arch, say):
    """True if the handler is a usable C name (later checks need a string)."""
    handler = binding.handler
    if not isinstance(handler, str):
        say(f"handler {_short(handler)} is a {type(handler).__name__}, not a name; give the C function "
            f"as a string, e.g. \"on_timer\"")
        return False
    if clash(handler):
        say(f"handler {handler!r} {clash(handler)}; name it e.g. \"on_{handler}\"")
        return False
    if not C_IDENTIFIER.match(handler):
        say(f"handler {handler!r} is not a C identifier; use letters, digits and _, "
            f"not starting with a digit")
        return False
    if handler.lower() in arch.REGISTER_NAMES:
        say(f"handler {handler!r} is also the name of a register on {arch.NAME}: in assembly (the generated "
            f"table and stubs, or a naked entry's own) an operand spelt {handler} can mean the register, not "
            f"your function; name it e.g. \"on_{handler}\"")
        return False
    return True


def _without_keyword_typos(binding, arch, say):
    """The binding as the user meant it: an option that is its constructor's own
    keyword misspelt (stlye=, eror_code=) is said once, with the keyword it is
    near, and then read as that keyword, so the rest of the line is checked too."""
    given = {"style": binding.style, "error_code": binding.error_code}
    free = [k for k in KEYWORDS.get(binding.kind, ("style",)) if given[k] is None]
    call = f"{CONSTRUCTORS.get(binding.kind, binding.kind)}()"
    kept = []
    for name, value in binding.options:
        near = difflib.get_close_matches(name, free, 1, 0.75) if isinstance(name, str) else []
        if near:
            free.remove(near[0])
            given[near[0]] = value
            say(f"{call} has no keyword {name}=; did you mean {near[0]}=? write {near[0]}={_short(value)}")
        else:
            kept.append((name, value))
    if "style" in free:
        choices = " or ".join(f'style="{style}"' for style in arch.STYLES)
        say(f"{call} needs style=; add {choices} (the styles {arch.NAME} has)")
    return replace(binding, options=tuple(kept), **given)


def _check_common(binding, vector, arch, say):
    style = binding.style
    if not isinstance(style, str) or style not in STYLES:
        say(f"style {_short(style)} unknown; use one of: {', '.join(STYLES)}")
    elif style not in arch.STYLES:
        say(f"style {style!r} is not available on {arch.NAME}: {arch.STYLE_REFUSALS[style]}")
    if binding.error_code is not None and not isinstance(binding.error_code, bool):
        say(f"error_code={_short(binding.error_code)} must be True or False; or drop it and let the arch decide")
        return
    pushes = arch.has_error_code(vector)
    if binding.error_code is not None and binding.error_code != pushes:
        fact = arch.ERROR_CODE_FACTS[pushes]
        say(f"error_code={binding.error_code!r} disagrees with the CPU: "
            f"{arch.vector_name(vector)} {fact}; drop error_code= and let the arch decide")


def _check_bench(binding, say):
    bench = binding.option("bench", "")
    if bench not in ("",) + BENCH_SHAPES:
        say(f"bench={bench!r} unknown; use one of: {', '.join(BENCH_SHAPES)}")
        return ""
    return bench


def _without_bools(binding, arch, say):
    """The binding minus bool options, each refused: True is no IST, DPL or
    priority. An arch's yes-or-no options (arm32 fiq=) are its own to check."""
    kept = []
    for name, value in binding.options:
        if isinstance(value, bool) and name not in arch.BOOL_OPTIONS:
            say(f"option {name}={value!r} is a bool; give a number ({name}=1, not {name}=True)")
        else:
            kept.append((name, value))
    return replace(binding, options=tuple(kept))


def resolve(bindings, arch, refuse_name=None, spec=None, needed=None):
    """Validate bindings; return one Slot per table entry of the arch, defaults included.

    refuse_name(name, vector) -> why a handler may not have that name, or None
    (isr/c_names.py reserved: the generator's and the compiler's names).
    spec: where VECTORS is, for what is missing from it (arch.REQUIRED, needed).
    needed: {handler: where the kernel's code names its vector}: each must be bound."""
    problems, slots, prototypes = [], {}, {}
    for binding in bindings:
        where = binding.where
        vector = None

        def say(message):
            subject = f"vector {vector} ({arch.vector_name(vector)}): " if vector is not None else ""
            problems.append(f"{where}: {subject}{message}")

        if isinstance(binding.number, bool):
            say(f"{binding.kind} number {binding.number!r} is a bool, not a vector; give a number or the "
                f"arch's name for it")
            continue
        binding = _without_keyword_typos(binding, arch, say)
        vector = arch.resolve_vector(binding, say)
        if vector is None:
            continue
        named = _check_handler(binding, arch, say)
        if binding.style is None:        # said: the arch's checks need a style
            continue
        _check_common(binding, vector, arch, say)
        bench = _check_bench(binding, say)
        lang = languages.check(binding.option("lang", languages.DEFAULT), binding.style, binding.handler, arch, say)
        without_bench = replace(binding, options=tuple(o for o in binding.options if o[0] not in ("bench", "lang")))
        options = arch.check_options(_without_bools(without_bench, arch, say), vector, say)
        if not named:
            continue
        refusal = refuse_name and refuse_name(binding.handler, vector)
        if refusal:
            say(f"handler {refusal}")
            continue
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
                             arch.has_error_code(vector), options, str(where), bench, lang or languages.DEFAULT)
    if problems:
        raise SpecError(problems)
    bound = set(slots)
    for vector in arch.HANDLER_VECTORS:
        if vector not in slots:
            slots[vector] = Slot(vector, arch.vector_name(vector), "default", "isr_default_handler",
                                 styles.DEFAULT, arch.entry_symbol(styles.DEFAULT, vector, None),
                                 arch.has_error_code(vector), arch.default_options(vector))
    resolved = [slots[v] for v in arch.HANDLER_VECTORS]
    problems = arch.check_slots(resolved)       # the arch's rules between bindings
    # What is missing is reported once what is there is right: a spec with a
    # typo in its timer line is told about the typo, not that the timer is missing.
    if not problems:
        problems = required.missing({v: slots[v] for v in bound}, arch, spec, needed or {})
    if problems:
        raise SpecError(problems)
    return resolved
