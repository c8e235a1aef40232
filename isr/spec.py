"""The ISR spec language: the declarations a user writes in isr/<arch>.py.

A spec module holds one list, ``VECTORS``, built with the three constructors
below. Each records where it was written, so validation errors can name the
spec file and line. Architecture facts (error codes, vector names, IRQ
numbering) are not the user's to state; they live in isr/arch_<arch>/.
Per-vector options (x86_64 `ist` and `dpl`, a priority where the interrupt
controller has one) are checked by the arch model, which rejects any it does
not know.
"""
import sys
from dataclasses import dataclass, field

from isr import styles

STYLES = styles.BINDABLE         # isr/styles.py: what each is
# Each constructor's own keywords, by binding kind; every other keyword is an
# option for the arch model. style= is required, yet defaults to None: a
# misspelt one (stlye=) then lands among the options, where validation names
# it and the keyword it is near, which Python's "missing 1 required
# keyword-only argument: 'style'" never does.
CONSTRUCTORS = {"exception": "exception", "irq": "irq", "software": "interrupt"}
KEYWORDS = {"exception": ("style", "error_code"), "irq": ("style",), "software": ("style",)}


@dataclass(frozen=True)
class Where:
    """A place in a spec file."""
    file: str
    line: int

    def __str__(self):
        return f"{self.file}:{self.line}"


def _caller() -> Where:
    """The module-level statement that made the binding: in the spec, the line
    of VECTORS even when a helper function built it; in a module the spec
    imports, that module's line. Starts two frames up, past the constructor."""
    caller = frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_name != "<module>":
        frame = frame.f_back
    frame = frame or caller      # called from no module's top level at all: the call itself
    return Where(frame.f_code.co_filename, frame.f_lineno)


@dataclass(frozen=True)
class Binding:
    """One handler bound to one vector, as the user wrote it."""
    kind: str                 # "exception", "irq" or "software"
    number: object            # exception: number or name; irq: line; software: vector
    handler: str              # C symbol (or assembly entry, for style "naked")
    style: str                # one of STYLES; None if the user gave no style=
    options: tuple = ()       # (name, value) pairs, checked by the arch model
    error_code: object = None  # the user's claim, checked against the arch; None = no claim
    where: Where = field(default=None, compare=False)

    def option(self, name, default=0):
        return dict(self.options).get(name, default)


def exception(vector, handler, *, style=None, error_code=None, **options):
    """Bind a CPU exception, given by number (14) or by the arch's name for it ("#PF")."""
    return Binding("exception", vector, handler, style, tuple(sorted(options.items())), error_code, _caller())


def irq(line, handler, *, style=None, **options):
    """Bind a hardware interrupt line of the arch's interrupt controller."""
    return Binding("irq", line, handler, style, tuple(sorted(options.items())), None, _caller())


def interrupt(vector, handler, *, style=None, **options):
    """Bind a vector that software raises on purpose (x86_64 `int N`)."""
    return Binding("software", vector, handler, style, tuple(sorted(options.items())), None, _caller())
