"""Check a spec against its arch's facts and resolve it into one slot per vector.

Every error names the spec file and line, the vector, what is wrong and how to
fix it; all errors are collected so the user sees them in one run.
"""
import re
from dataclasses import dataclass

from isr.spec import STYLES

C_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
C_KEYWORDS = frozenset(
    "auto break case char const continue default do double else enum extern float for goto if "
    "inline int long register restrict return short signed sizeof static struct switch typedef "
    "union unsigned void volatile while _Bool _Complex _Imaginary _Alignas _Alignof _Atomic "
    "_Generic _Noreturn _Static_assert _Thread_local".split())


class SpecError(Exception):
    """One or more problems in a spec; str() lists them one per line."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Slot:
    """What one vector of the table holds after validation."""
    vector: int
    name: str            # arch name: "#PF", "IRQ4", "SW"
    kind: str            # "exception", "irq", "software" or "default"
    handler: str         # the C function (or naked entry) that does the work
    style: str           # abi, stub, naked or default
    entry: str           # the symbol the table points at
    error_code: bool     # the CPU pushes an error code on this vector
    ist: int
    dpl: int
    where: str           # spec file:line, or "" for generated defaults


def _resolve_vector(binding, arch, say):
    """The vector number a binding names, or None after reporting why not."""
    kind, number = binding.kind, binding.number
    if kind == "exception":
        if isinstance(number, str):
            key = number.lstrip("#").upper()
            if key not in arch.MNEMONICS:
                known = ", ".join(sorted(arch.EXCEPTIONS[v].mnemonic for v in arch.EXCEPTIONS))
                say(f"exception {number!r} is not an {arch.NAME} exception; use one of: {known}")
                return None
            return arch.MNEMONICS[key]
        if not isinstance(number, int) or not 0 <= number < arch.VECTOR_COUNT:
            say(f"vector {number!r} out of range 0-{arch.VECTOR_COUNT - 1}; give an exception number or mnemonic")
            return None
        if number >= arch.FIRST_USER_VECTOR:
            say(f"vector {number} is not a CPU exception (those are 0-{arch.FIRST_USER_VECTOR - 1}); "
                f"bind it with irq() or interrupt()")
            return None
        if number in arch.RESERVED:
            say(f"vector {number} is reserved: the CPU never raises it; remove this line")
            return None
        return number
    if kind == "irq":
        if not isinstance(number, int) or not 0 <= number < arch.IRQ_LINES:
            say(f"IRQ {number!r} out of range 0-{arch.IRQ_LINES - 1} ({arch.IRQ_LINES} interrupt lines)")
            return None
        return arch.IRQ_BASE + number
    # software
    if not isinstance(number, int) or not 0 <= number < arch.VECTOR_COUNT:
        say(f"vector {number!r} out of range 0-{arch.VECTOR_COUNT - 1}")
        return None
    if number < arch.FIRST_USER_VECTOR:
        say(f"vector {number} is the CPU exception {arch.vector_name(number)}, not free for software "
            f"interrupts or IRQs; bind it with exception({number}, ...) or pick a vector >= "
            f"{arch.FIRST_USER_VECTOR}")
        return None
    if arch.IRQ_BASE <= number < arch.IRQ_BASE + arch.IRQ_LINES:
        say(f"vector {number} carries IRQ {number - arch.IRQ_BASE}; bind it with "
            f"irq({number - arch.IRQ_BASE}, ...) or pick a vector outside "
            f"{arch.IRQ_BASE}-{arch.IRQ_BASE + arch.IRQ_LINES - 1}")
        return None
    return number


def _check_options(binding, vector, arch, say):
    if not isinstance(binding.handler, str) or not C_IDENTIFIER.match(binding.handler) \
            or binding.handler in C_KEYWORDS:
        say(f"handler {binding.handler!r} is not a C identifier; use letters, digits and _, "
            f"not starting with a digit")
    if binding.style not in STYLES:
        say(f"style {binding.style!r} unknown; use one of: {', '.join(STYLES)}")
    elif binding.style not in arch.STYLES:
        say(f"style {binding.style!r} is not available on {arch.NAME}: {arch.STYLE_REFUSALS[binding.style]}")
    if not isinstance(binding.ist, int) or not 0 <= binding.ist <= arch.IST_MAX:
        say(f"IST index {binding.ist!r} out of range 0-{arch.IST_MAX} (0 = stay on the current stack)")
    if not isinstance(binding.dpl, int) or not 0 <= binding.dpl <= arch.DPL_MAX:
        say(f"DPL {binding.dpl!r} out of range 0-{arch.DPL_MAX}")
    pushes = arch.pushes_error_code(vector)
    if binding.error_code is not None and bool(binding.error_code) != pushes:
        fact = "pushes an error code" if pushes else "pushes no error code"
        say(f"error_code={binding.error_code!r} disagrees with the CPU: "
            f"{arch.vector_name(vector)} {fact}; drop error_code= and let the arch decide")


def entry_symbol(slot_style, vector, handler):
    """The symbol a table slot points at for a given style."""
    if slot_style in ("abi", "naked"):
        return handler
    if slot_style == "stub":
        return f"isr_stub_{vector}"
    return f"isr_default_{vector}"


def resolve(bindings, arch):
    """Validate bindings; return one Slot per vector of the arch, defaults included."""
    problems, slots, prototypes = [], {}, {}
    for binding in bindings:
        where = binding.where
        vector = None

        def say(message):
            subject = f"vector {vector} ({arch.vector_name(vector)}): " if vector is not None else ""
            problems.append(f"{where}: {subject}{message}")

        vector = _resolve_vector(binding, arch, say)
        if vector is None:
            continue
        _check_options(binding, vector, arch, say)
        if vector in slots:
            first = slots[vector]
            say(f"bound twice: already bound to {first.handler} at {first.where}; keep one line")
            continue
        shape = (binding.style, arch.pushes_error_code(vector))
        if prototypes.setdefault(binding.handler, (shape, where))[0] != shape:
            other = prototypes[binding.handler][1]
            say(f"handler {binding.handler} is also bound at {other} with another style or error-code "
                f"shape, so one C prototype cannot serve both; give each its own handler")
        slots[vector] = Slot(vector, arch.vector_name(vector), binding.kind, binding.handler,
                             binding.style, entry_symbol(binding.style, vector, binding.handler),
                             arch.pushes_error_code(vector), binding.ist, binding.dpl, str(where))
    if problems:
        raise SpecError(problems)
    for vector in range(arch.VECTOR_COUNT):
        if vector not in slots:
            slots[vector] = Slot(vector, arch.vector_name(vector), "default", "isr_default_handler",
                                 "default", entry_symbol("default", vector, None),
                                 arch.pushes_error_code(vector), 0, 0, "")
    return [slots[v] for v in range(arch.VECTOR_COUNT)]
