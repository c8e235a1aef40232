"""The handler styles: what each one is, in the terms shared code asks about.

The generator, the checks, the cost report and the pictures ask a style's
properties here (who saves the interrupted state, whether the table points at
generated code) instead of testing its name; an arch says which styles its
compilers and tables allow (its STYLES) and emits each (its emit_*.py).
Adding a style is an entry here, then its emitters in the arches that have it.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    name: str
    # Who saves the interrupted code's registers: "compiler" (the interrupt
    # calling convention), "stub" (generated code saves every register, then
    # calls C), or "entry" (the author's own assembly saves what it writes).
    saver: str
    # The table points at generated code (a stub or the default entry) rather
    # than at the spec's handler itself.
    generated_entry: bool
    # A spec binds it (the default is what an unbound vector gets).
    bindable: bool
    summary: str


STYLES = {style.name: style for style in (
    Style("abi", saver="compiler", generated_entry=False, bindable=True,
          summary="the compiler's interrupt calling convention: it saves what the handler uses and returns "
                  "with the CPU's return-from-interrupt"),
    Style("stub", saver="stub", generated_entry=True, bindable=True,
          summary="a generated stub saves every register into a trap frame and calls an ordinary C function"),
    Style("naked", saver="entry", generated_entry=False, bindable=True,
          summary="the author's own entry in assembly: it saves what it writes; the generator only wires and "
                  "keeps it"),
    Style("default", saver="stub", generated_entry=True, bindable=False,
          summary="what a vector the spec leaves unbound gets: a generated entry into isr_default_handler"),
)}

# What a spec may write as style=.
BINDABLE = tuple(name for name, style in STYLES.items() if style.bindable)
DEFAULT = "default"


def style(name):
    """The Style named name (a manifest's or a spec's); KeyError naming the known ones otherwise."""
    try:
        return STYLES[name]
    except KeyError:
        raise KeyError(f"unknown style {name!r}; known: {', '.join(STYLES)}") from None


def hand_written(name):
    """The style whose entry is the author's: the hand-written minimum the cost report measures against."""
    return style(name).saver == "entry"
