"""What a test may take as given: the build's manifest and the arch model, never the shipped spec.

A student who adds a handler to isr/<arch>.py or changes a style gets a new
manifest; tests that read their vectors, styles and entries from here follow
the edit instead of failing on it (tests/pipeline/test_student_edits.py makes
such edits in a copy of the tree and runs the suite's checks there).
"""
import json

from isr.guard import GUARD_NAME
from isr.load import arch_model
from tools import toolchain

# The spec constructor that binds a manifest slot of each kind.
CONSTRUCTOR = {"exception": "exception", "irq": "irq", "software": "interrupt"}


def manifest(arch):
    return json.loads((toolchain.build_dir(arch) / "gen" / "manifest.json").read_text())


def slots(arch):
    return manifest(arch)["vectors"]


def slot(arch, vector):
    """The manifest entry of one vector (every table entry has one, defaults included)."""
    return next(s for s in slots(arch) if s["vector"] == vector)


def style(arch, vector):
    return slot(arch, vector)["style"]


def slot_of(arch, handler):
    """The slot of a handler that the kernel binds by name (its gen/isr.h ISR_VECTOR_* constant)."""
    found = [s for s in slots(arch) if s["handler"] == handler]
    assert found, f"{arch}: no vector bound to {handler} in the manifest, but kernel/{arch} raises it"
    return found[0]


def tables(arch):
    return manifest(arch)["tables"]


def bound(arch):
    """The slots the spec binds, in vector order."""
    return [s for s in slots(arch) if s["style"] != "default"]


def bound_to(arch, handler):
    """The vectors whose handler is this C function: the kernel's own handler
    behaves as its C says only where the spec still binds it."""
    return [s["vector"] for s in slots(arch) if s["handler"] == handler]


def free_software_vectors(arch):
    """Vectors the spec leaves to the default handler that only the shell's
    `int` raises (the arch's testing.py RAISED_ONLY_BY_INT)."""
    raised = arch_model(arch).testing.RAISED_ONLY_BY_INT
    return [s["vector"] for s in slots(arch) if s["style"] == "default" and s["vector"] in raised]


def irq_vector(arch, line):
    """The vector of interrupt line `line`, as the arch model numbers it."""
    return arch_model(arch).IRQ_BASE + line


def first_bound(arch, style, kinds=("exception", "irq", "software")):
    """The first slot the spec binds in this style (and of one of these kinds), or None."""
    return next((s for s in bound(arch) if s["style"] == style and s["kind"] in kinds), None)


def spec_problem_prefix(s):
    """How tools/check_elf.py starts a problem about slot s."""
    return f"vector {s['vector']} ({s['name']}): {s['where']}: "


def table_symbol(slot):
    """What the CPU's table holds for a manifest slot: its storm guard (isr/guard.py), or its entry."""
    return slot["guard"] or slot["entry"]


def table_name(slot):
    """How the kernel's `vectors` names a slot's table word (gen/isr_info.c): every
    storm guard by one name (isr.guard.GUARD_NAME), an entry by its own."""
    return GUARD_NAME if slot["guard"] else slot["entry"]
