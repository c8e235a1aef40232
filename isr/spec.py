"""The ISR spec language: the declarations a user writes in isr/<arch>.py.

A spec module holds one list, ``VECTORS``, built with the three constructors
below. Each records where it was written, so validation errors can name the
spec file and line. Architecture facts (error codes, vector names, IRQ base)
are not the user's to state; they live in isr/arch_<arch>.py.
"""
import sys
from dataclasses import dataclass, field

STYLES = ("abi", "stub", "naked")


@dataclass(frozen=True)
class Where:
    """A place in a spec file."""
    file: str
    line: int

    def __str__(self):
        return f"{self.file}:{self.line}"


def _caller() -> Where:
    # Two frames up: past the constructor, to the line in the user's spec.
    frame = sys._getframe(2)
    return Where(frame.f_code.co_filename, frame.f_lineno)


@dataclass(frozen=True)
class Binding:
    """One handler bound to one vector, as the user wrote it."""
    kind: str                 # "exception", "irq" or "software"
    number: object            # exception: number or mnemonic; irq: line; software: vector
    handler: str              # C symbol (or assembly entry, for style "naked")
    style: str                # one of STYLES
    ist: int = 0              # x86_64: interrupt stack table index, 0 = no stack switch
    dpl: int = 0              # x86_64: lowest privilege level allowed to `int N` this gate
    error_code: object = None  # the user's claim, checked against the arch; None = no claim
    where: Where = field(default=None, compare=False)


def exception(vector, handler, *, style, ist=0, dpl=0, error_code=None):
    """Bind a CPU exception, given by number (14) or mnemonic ("#PF")."""
    return Binding("exception", vector, handler, style, ist, dpl, error_code, _caller())


def irq(line, handler, *, style, ist=0, dpl=0):
    """Bind a hardware interrupt line of the arch's interrupt controller."""
    return Binding("irq", line, handler, style, ist, dpl, None, _caller())


def interrupt(vector, handler, *, style, ist=0, dpl=0):
    """Bind a vector that software raises on purpose (x86_64 `int N`)."""
    return Binding("software", vector, handler, style, ist, dpl, None, _caller())
