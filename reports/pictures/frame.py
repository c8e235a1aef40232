"""The stack at the moment a vector's handler runs: what the CPU pushed, then
what the stub or the compiler saved, with offsets, drawn as text and as SVG.

Every row comes from the build, none is drawn by hand:
- the CPU's pushes from the arch model (isr/arch_<arch>/pushes.py);
- a `stub` (or the default entry) frame from the generated layout, gen/isr.h's
  struct trap_frame and its offsetof assertions, the same definition the stub's
  assembly and the C code are held to;
- an `abi` or `naked` entry's saves from the disassembly of the entry, read up
  to its first call, branch or return (the compiler's prologue).
Offsets count from the lowest saved byte: the trap_frame pointer a stub's
handler gets, or the stack pointer after an abi prologue.
"""
import json
import re
from pathlib import Path
from dataclasses import dataclass, field

from isr.load import arch_model
from reports import handler_cost
from reports.pictures import arch_facts, live
from reports.pictures.stores import ADJUST, LEAVES, MEMORY, is_frame_store
from reports.pictures.svg import COLOURS, Drawing
from tools import guard_checks, naked_checks, toolchain
from tools.elf_symbols import Image

PART_WORDS = {"cpu": "the CPU", "stub": "the stub", "compiler": "the compiler", "entry": "the naked entry",
              "other": "(space, no register)"}


@dataclass
class Row:
    offset: int
    size: int
    name: str
    part: str            # a key of PART_WORDS
    value: str = ""      # with --run: the live value, where the run shows it


@dataclass
class Frame:
    arch: str
    vector: int
    name: str
    style: str
    runs: str                    # the function whose view this is
    source: str                  # where the layout was read
    rows: list = field(default_factory=list)     # highest offset first, as a stack is drawn
    notes: list = field(default_factory=list)
    slot: dict = None            # the manifest slot whose entry builds the frame
    dispatched: bool = False     # the vector is a handler the slot's entry calls (the GIC's)


STRUCT = re.compile(r"struct trap_frame \{(.*?)\n\};", re.S)
FIELD = re.compile(r"^\s*(?:struct (\w+)\s*(\*)?|(u?int(\d+)_t|uintptr_t))\s*(\w+);", re.M)
OFFSET = re.compile(r"offsetof\(struct trap_frame, (\w+)\) == (\d+)")


def trap_frame_layout(header_text, pushes):
    """[(offset, size, name, part)] of gen/isr.h's struct trap_frame, lowest first. A field
    that is a struct (x86_64's iret frame) is what the CPU pushed: its words are the CPU's
    pushes the struct does not name otherwise."""
    body = STRUCT.search(header_text)
    if body is None:
        raise ValueError("no struct trap_frame in gen/isr.h")
    offsets = {name: int(at) for name, at in OFFSET.findall(header_text)}
    fields = FIELD.findall(body[1])
    widths = [int(bits) // 8 for _, _, _, bits, _ in fields if bits]
    word = max(set(widths), key=widths.count)
    cpu_names = {name for name, _ in pushes}
    rows = []
    for struct, pointer, _, bits, name in fields:
        at = offsets[name]
        if struct and not pointer:
            for pushed, size in reversed([p for p in pushes if p[0] not in {f[4] for f in fields}]):
                rows.append((at, size, pushed, "cpu"))
                at += size
            continue
        size = int(bits) // 8 if bits else word
        rows.append((at, size, name, "cpu" if name in cpu_names else "stub"))
    return rows


LOADED = re.compile(r"^in (r\d+), (0x[0-9a-f]+)$")
REGISTER_RANGE = re.compile(r"^r(\d+)-r(\d+)$")


def _number(text):
    return int(text, 0)


def _registers(text):
    """The registers a save instruction stores: a {list} (ranges expanded) or the
    register operands before the memory operand."""
    listed = re.search(r"\{([^}]*)\}", text)
    if listed:
        names = []
        for item in (i.strip() for i in listed[1].split(",")):
            span = REGISTER_RANGE.match(item)
            names += [f"r{n}" for n in range(int(span[1]), int(span[2]) + 1)] if span else [item]
        return names
    operands = text.split(None, 1)[1] if " " in text else ""
    operands = MEMORY.sub("", operands)
    found = [o.strip().lstrip("%") for o in operands.split(",")]
    return [o if not o.startswith("$") else f"(immediate {o[1:]})" for o in found if o]


def prologue_saves(arch, instructions, word):
    """[(offset, size, register)] the prologue stores, offsets from the stack pointer it
    started with (negative: below it), and the lowest stack pointer it reached."""
    saves, sp, loaded = [], 0, {}
    for _, text in instructions:
        source = LOADED.match(text)
        if source:                               # avr `in r0, 0x3f`: what a pushed register holds
            loaded[source[1]] = source[2]
            continue
        if LEAVES.match(text):
            break
        adjust = ADJUST.match(text)
        if adjust:
            amount = next(g for g in adjust.groups() if g)
            sp -= abs(_number(amount))
            continue
        if not any(pattern.match(text) for pattern, _ in handler_cost.SAVES[arch]) and \
                not re.match(r"^push[qw]?\s+\$", text):
            continue
        names = [f"{n} (in {loaded.pop(n)})" if n in loaded else n for n in _registers(text)]
        memory = MEMORY.search(text)
        if memory is None:                       # a push: pre-decrement, the list lowest first
            sp -= word * len(names)
            saves += [(sp + i * word, word, name) for i, name in enumerate(names)]
        elif memory[3] is not None:              # riscv: off(sp)
            saves += [(sp + _number(memory[3]) + i * word, word, n) for i, n in enumerate(names)]
        else:
            offset = _number(memory[1]) if memory[1] else 0
            if memory[2]:                        # pre-indexed [sp, #-N]!: sp moves first
                sp += offset
                offset = 0
            saves += [(sp + offset + i * word, word, n) for i, n in enumerate(names)]
    return saves, sp


def _slot(manifest, vector):
    slot = next((s for s in manifest["vectors"] if s["vector"] == vector), None)
    if slot is None:
        raise ValueError(f"vector {vector} has no table entry in {manifest['spec']}'s kernel")
    return slot


def _filled(rows):
    """Rows lowest first with every gap between them named as space, then highest first."""
    rows = sorted(rows)
    out, at = [], 0
    for offset, size, name, part in rows:
        if offset > at:
            out.append(Row(at, offset - at, "(space)", "other"))
        out.append(Row(offset, size, name, part))
        at = max(at, offset + size)
    return list(reversed(out))


def layout(arch, vector):
    """The Frame of one vector of the built kernel."""
    model = arch_model(arch)
    pushes = arch_facts.pushes(arch, vector)
    gen = toolchain.build_dir(arch) / "gen"
    manifest = json.loads((gen / "manifest.json").read_text())
    slot = _slot(manifest, vector)
    notes = []
    dispatcher = handler_cost.dispatched_through(manifest, slot)
    if dispatcher is not None:
        notes.append(f"{dispatcher['entry']} (vector {dispatcher['vector']}, {dispatcher['name']}) takes it and "
                     f"calls {slot['handler']} as a plain function: the frame is that entry's")
        slot = dispatcher
        pushes = arch_facts.pushes(arch, slot["vector"])
    header = (gen / "isr.h").read_text()
    if slot["style"] in ("stub", "default"):
        rows = trap_frame_layout(header, pushes)
        top = max(o + s for o, s, _, _ in rows)
        drawn = {name for _, _, name, _ in rows}
        for pushed, size in reversed([p for p in pushes if p[0] not in drawn]):
            rows.append((top, size, pushed, "cpu"))
            top += size
        if any(p[0] not in drawn for p in pushes):
            notes.append(f"the CPU's words lie where the trap frame's `frame` field points: "
                         f"directly above it here ({arch_facts.kept(arch)})")
        runs = "isr_default_handler" if slot["style"] == "default" else slot["handler"]
        source = f"{gen.relative_to(toolchain.ROOT)}/isr.h struct trap_frame"
    else:
        elf = toolchain.kernel_elf(arch)
        image = Image(elf)
        word = _word(header)
        listed = guard_checks.listings(arch, elf, image, [slot["entry"]]).get(slot["entry"], [])
        saves, sp = prologue_saves(arch, naked_checks.instructions(listed), word)
        rows = [(offset - sp, size, name, "compiler" if slot["style"] == "abi" else "entry")
                for offset, size, name in saves]
        at = -sp
        for pushed, size in reversed(pushes):
            rows.append((at, size, pushed, "cpu"))
            at += size
        runs = slot["handler"] if slot["style"] == "abi" else slot["entry"]
        source = f"the disassembly of {slot['entry']} up to its first call, branch or return"
    if not pushes:
        notes.append(f"the CPU pushed nothing: {arch_facts.kept(arch)}")
    if not rows:
        notes.append(f"nothing on the stack: neither the CPU nor {slot['entry']} stores a word there first")
    return Frame(arch, vector, model.vector_name(vector), slot["style"], runs, source, _filled(rows), notes,
                 slot, dispatcher is not None)


def _word(header_text):
    """The register width of the arch, from the trap frame's most common field width."""
    fields = FIELD.findall(STRUCT.search(header_text)[1])
    widths = [int(bits) // 8 for _, _, _, bits, _ in fields if bits]
    return max(set(widths), key=widths.count)


def text(frame):
    """The frame as terminal lines, highest address first."""
    live = any(r.value for r in frame.rows)
    out = [f"the stack when {frame.runs} runs (vector {frame.vector} {frame.name} on {frame.arch}, "
           f"style {frame.style}; from {frame.source})",
           (f"  {'offset':>7} {'size':>4}  {'word':<14} {'saved by':<20}" + ("live value" if live else "")).rstrip()]
    for r in frame.rows:
        out.append(f"  {'+' + str(r.offset):>7} {r.size:>4}  {r.name:<14} {PART_WORDS[r.part]:<20}{r.value}".rstrip())
    out += [f"  note: {n}" for n in frame.notes]
    return out


ROW_HEIGHT = 20
BOX_X, BOX_WIDTH = 70, 190


def svg(frame):
    """The frame as an SVG document: one box per row (data-row, data-part, data-offset),
    highest address at the top."""
    drawing = Drawing(f"{frame.arch} vector {frame.vector} {frame.name}: the stack when {frame.runs} runs")
    drawing.text(10, 18, f"{frame.arch} vector {frame.vector} ({frame.name}), style {frame.style}", weight="bold")
    drawing.text(10, 34, f"the stack when {frame.runs} runs; higher addresses at the top")
    y = 48
    for r in frame.rows:
        drawing.text(BOX_X - 8, y + 14, f"+{r.offset}", anchor="end")
        drawing.rect(BOX_X, y, BOX_WIDTH, ROW_HEIGHT, COLOURS[r.part], data_row=r.name, data_part=r.part,
                     data_offset=r.offset, data_size=r.size)
        drawing.text(BOX_X + 8, y + 14, f"{r.name} ({r.size} B)")
        drawing.text(BOX_X + BOX_WIDTH + 10, y + 14, PART_WORDS[r.part] + (f"  = {r.value}" if r.value else ""))
        y += ROW_HEIGHT
    drawing.text(BOX_X - 8, y + 14, "sp", anchor="end", weight="bold")
    for i, note in enumerate(frame.notes):
        drawing.text(10, y + 36 + 16 * i, f"note: {note}", size=11)
    return drawing.svg(data_picture="frame", data_rows=len(frame.rows), data_arch=frame.arch,
                       data_vector=frame.vector)


def with_values(frame, report):
    """The frame with the live values a kernel report line shows ([trap] vec=N ... key=value):
    a row named as a field (err is the error code) takes its value."""
    fields = dict(re.findall(r"(\w+)=(\S+)", report))
    if "err" in fields:
        fields.setdefault("error_code", fields["err"])
    for row in frame.rows:
        if row.name in fields and fields[row.name] != "-":
            row.value = fields[row.name]
    return frame


def explain_lines(arch, vector, run_lines=(), svg_path=None):
    """The frame's lines for reports/explain.py (with the live values of a --run's report
    line, if run_lines hold one), and its SVG written to svg_path if given."""
    try:
        frame = layout(arch, vector)
    except ValueError as error:
        return [f"  frame:     none drawn: {error}"]
    report = next((line.split("kernel:", 1)[1].strip() for line in run_lines if "kernel:" in line), None)
    how = next((line.split("`")[1] for line in run_lines if line.lstrip().startswith("run:") and "`" in line), None)
    if report:
        with_values(frame, report)
        try:
            frame.notes.append(live_values(frame, how))
        except live.LiveError as error:
            frame.notes.append(f"live values only where the report line names the word: {error}".splitlines()[0])
    out = ["  frame:     " + line for line in text(frame)[:1]] + ["           " + line for line in text(frame)[1:]]
    if svg_path:
        Path(svg_path).write_text(svg(frame))
        out.append(f"  frame:     drawn in {svg_path}")
    return out


def live_values(frame, how):
    """Fill every row from the stack of a real interrupt (live.py), raised as `how` said."""
    if frame.dispatched:
        raise live.LiveError(f"the frame is {frame.slot['entry']}'s, which every interrupt of its group "
                             f"goes through")
    commands = [c for c in how.split(", ") if not c.startswith("and waited")]
    read = live.values(frame.arch, frame, frame.slot, commands,
                       toolchain.build_dir(frame.arch) / "runs" / "explain")
    for row in frame.rows:
        row.value = read.get(row.offset, "")
    return f"live values: the stack as GDB read it when vector {frame.vector} was taken (`{how}`)"
