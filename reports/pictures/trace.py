"""Boot a kernel, run shell commands, and record the interrupts they took.

Usage: .venv/bin/python -m reports.pictures.trace ARCH [--out DIR] COMMAND...
       (or `doit trace-ARCH COMMAND...`; each COMMAND is one shell line: "trap nest")

Writes DIR/trace.json (Chrome trace events: Perfetto's UI opens it) and
DIR/trace.svg (timeline.py), default build/<arch>/trace/.

Where the events come from: a TCG plugin (tools/plugin/trace.c, built by
`doit plugin-trace`) logs the instruction count each time the CPU reaches a
marked PC, chosen here from the ELF and the manifest: each vector's entry (the
address its table sends the CPU to), the interrupt returns on its entry path
(the arch model's NAKED_EXIT returns; where an entry ends by jumping to another
function, that jump and the function's returns), a handler a dispatcher calls
(the GIC's) and its plain returns, the shell's cmd_* functions (a command starts) and
read_line (it ended). Why not QEMU's `-d int` log or the kernel's report lines:
neither says when a handler returns, nor how many instructions it ran, and a
report line exists only where the kernel prints one (irqtrace on).

Guest time is the instruction count under `-icount shift=0,sleep=off`: one
instruction is one ns, and an idle CPU jumps to its next timer deadline at
once. The same commands give the same slices, in the same order and nesting,
each handler running the same instructions; the times repeat exactly too
(x86_64's `trap nest`, byte for byte: tested) except where a
handler waits for a timer whose counter is coarser than an instruction: the
typed line reaches the guest at a virtual time the host chose, so a wait on
arm32's generic timer (62.5 MHz, 16 ns a count) may end up to one count, 16
instructions, earlier or later. Commands are laid end to end: the wait for
input between them is left out. QEMU 7.2's AVR refuses -icount: its trace counts
instructions the same way, but its timer follows the host's clock, so only
what does not wait for a tick repeats exactly. msp430 runs under mspdebug's
simulator, which takes no plugin: it has no trace.
"""
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from isr.load import arch_model
from qemu.console import Console, ConsoleError
from qemu.profiles import profile
from reports import cost, handler_cost
from tools import guard_checks, naked_checks, toolchain
from tools.elf_symbols import Image

ROOT = toolchain.ROOT
PLUGIN_SOURCE = ROOT / "tools" / "plugin" / "trace.c"
PLUGIN_HEADER = ROOT / "tools" / "plugin" / "qemu_plugin_api.h"
PLUGIN = ROOT / "build" / "plugin" / "trace.so"
ICOUNT = ["-icount", "shift=0,align=off,sleep=off"]
COMMAND_TIMEOUT = 60
# A jump to a function (not a call): "ADDR: b.w 0x23f0 <report_end> ..." as guard_checks lists it.
TAIL_JUMP = re.compile(r"^([0-9a-f]+): (?:jmp|b|b\.w|j) (?:0x)?[0-9a-f]+ <([\w.$]+)>")
LOG_LINE = re.compile(r"^([bem]) ([0-9a-f]+) (\d+)$", re.M)


class TraceError(Exception):
    """What cannot be traced, and what to do."""


def build_plugin():
    """Compile the trace plugin for the installed QEMU's plugin API (a doit action)."""
    return cost.build_plugin(PLUGIN_SOURCE, PLUGIN)


@dataclass
class Mark:
    kind: str                 # entry, return, call, call-return, tail, tail-return, begin, end
    slots: list = field(default_factory=list)     # the manifest slots entered or called here
    function: str = ""        # the function the mark is in
    command: str = ""         # for begin: the shell command
    origin: str = ""          # for a tail jump inside a tail-called function: that function


def _pc(image, arch, name):
    address = image.symbols[name].address
    thumb = toolchain.TARGETS[arch]["triple"].startswith("thumb")
    return address & ~1 if thumb else address


def marks(arch, elf, manifest):
    """{PC: Mark} for one kernel."""
    model = arch_model(arch)
    image = Image(elf)
    returns, plain = model.NAKED_EXIT["returns"], model.NAKED_EXIT["wrong"]
    found = {}

    def add(pc, kind, slot=None, function="", command=""):
        mark = found.setdefault(pc, Mark(kind, function=function, command=command))
        if slot is not None and slot not in mark.slots:
            mark.slots.append(slot)

    entered, called = [], []
    for slot in manifest["vectors"]:
        through = handler_cost.dispatched_through(manifest, slot)
        (called if through is not None else entered).append(slot)
    functions = set()
    paths = {}
    # One disassembler run over every entry (guard_checks.listings), more only for what they jump to.
    listed = guard_checks.listings(arch, elf, image, sorted({s["entry"] for s in entered if s["entry"] in image.symbols}))

    def listing(name):
        if name not in listed:
            listed.update(guard_checks.listings(arch, elf, image, [name]))
        lines = [handler_cost.TARGET_COMMENT.sub(r" \1", line) for line in listed.get(name, [])]
        return [m[1] for m in map(handler_cost.INSTRUCTION.match, lines) if m]

    for slot in entered:
        first = slot["guard"] or slot["entry"]
        if first not in image.symbols:
            continue
        add(_pc(image, arch, first), "entry", slot, first)
        walked = dict(slot, style="stub") if slot["style"] == "default" else slot
        path = handler_cost.entry_path(listing, image, walked)
        if walked["style"] == "stub":
            path = [name for name in path if name != slot["handler"]]
        paths[slot["vector"]] = path
        functions.update(path)
    for slot in called:
        if slot["handler"] in image.symbols:
            add(_pc(image, arch, slot["handler"]), "call", slot, slot["handler"])
            functions.add(slot["handler"])
    missing = sorted(n for n in functions if n not in listed)
    listed.update(guard_checks.listings(arch, elf, image, missing) if missing else {})
    called_names = {s["handler"] for s in called}
    # A function an entry path ends in by a jump (a tail call; and what that one jumps
    # to in turn) -> the jumps to it.
    tails, todo = {}, functions - called_names
    while todo:
        found_now = {}
        for name in todo:
            for line in listed.get(name, []):
                jump = TAIL_JUMP.match(" ".join(line.split()))
                if jump and jump[2] in image.symbols and jump[2] not in functions | set(tails):
                    found_now.setdefault(jump[2], []).append((int(jump[1], 16), name))
        tails.update(found_now)
        listed.update(guard_checks.listings(arch, elf, image, sorted(found_now)) if found_now else {})
        todo = set(found_now)
    for name in functions | set(tails):
        for address, text in naked_checks.instructions(listed.get(name, [])):
            if name in tails and any(re.fullmatch(p, text) for p in returns + plain):
                add(address, "tail-return", function=name)
            elif any(re.fullmatch(p, text) for p in returns) and name not in called_names:
                add(address, "return", function=name)
            elif name in called_names and any(re.fullmatch(p, text) for p in returns + plain):
                add(address, "call-return", function=name)
    for name, jumps in tails.items():
        for address, origin in jumps:
            add(address, "tail", function=name)
            found[address].origin = origin if origin in tails else ""
    for name in image.symbols:
        if name.startswith("cmd_") and image.symbols[name].executable:
            add(_pc(image, arch, name), "begin", function=name, command=name[4:])
    if "read_line" not in image.symbols:
        raise TraceError(f"{elf}: no read_line: the shell's line reader marks where a command ends")
    add(_pc(image, arch, "read_line"), "end", function="read_line")
    return found


def plugin_args(found):
    letter = {"begin": "b", "end": "e"}
    return ",".join(f"{letter.get(m.kind, 'm')}={pc:x}" for pc, m in sorted(found.items()))


def run(arch, commands, out_dir, elf=None):
    """Boot elf (default: the arch's kernel; a variant keeps its gen/ beside it), run each
    command, exit; return the plugin's log text, the outputs, the marks and the manifest."""
    prof = profile(arch)
    if prof.launcher != "qemu":
        raise TraceError(f"{arch} runs under {prof.emulator}, which takes no QEMU plugin: no trace to record "
                         f"(the arches with one: {', '.join(a for a in toolchain.TARGETS if profile(a).launcher == 'qemu')})")
    if not PLUGIN.exists():
        raise TraceError(f"the trace plugin {PLUGIN} is not built: run `.venv/bin/python -m doit plugin-trace` "
                         f"(it needs a host C compiler: apt-get install gcc)")
    elf = Path(elf or toolchain.kernel_elf(arch))
    if not elf.exists():
        raise TraceError(f"no {arch} kernel {elf}: run `.venv/bin/python -m doit build-{arch}` first")
    manifest = json.loads((elf.parent / "gen" / "manifest.json").read_text())
    found = marks(arch, elf, manifest)
    log = Path(out_dir) / "plugin.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.unlink(missing_ok=True)
    extra = ["-plugin", f"{PLUGIN},{plugin_args(found)}", "-d", "plugin", "-D", str(log)]
    extra += ICOUNT if prof.icount else []
    outputs = []
    # A storm is something to trace, not a failure: the console lets its [storm] line through.
    with Console(arch, elf, out_dir, "trace", timeout=COMMAND_TIMEOUT, interrupt_log=False, extra=extra,
                 allow=("storm",)) as console:
        console.boot()
        for line in commands:
            outputs.append(console.run(line))
        console.send("exit 0\r")
        console.wait_exit()
    text = log.read_text(errors="replace")
    if "trace done" not in text:
        raise TraceError(f"{arch}: the trace plugin's log {log} does not end with `trace done`:\n{text[-800:]}")
    return text, outputs, found, manifest


def events(text, found, commands=None):
    """Slices from the plugin's log (commands: the lines typed, in order; the run's
    last command, the `exit` that ends it, is left out): a dict per command, per interrupt entered and per handler a
    dispatcher called, with start, end (instruction counts, the end's instruction included),
    depth, and the slot; commands laid end to end, the wait between them left out."""
    slices, stack, command, offset, last, ran = [], [], None, 0, 0, 0

    def close(until, at):
        """Close until and what is still open above it (a call whose return was not seen
        ends with its dispatcher's return; an interrupt that never returned is said so)."""
        while stack:
            done = stack.pop()
            done.update(end=at, returned=done is until or done["kind"] != "interrupt")
            if done is until:
                break

    for kind_letter, pc, count in LOG_LINE.findall(text):
        mark, count = found.get(int(pc, 16)), int(count)
        if mark is None:
            continue
        if mark.kind == "begin" and command is None:
            if commands is not None and ran == len(commands):
                break                            # the `exit` that ends the run
            ran += 1
            offset += count - last if slices else count
            name = commands[ran - 1] if commands is not None else mark.command
            command = {"kind": "command", "name": name, "start": count - offset, "depth": 0}
            slices.append(command)
            stack.append(command)
            continue
        if command is None:
            continue
        at = count - offset
        if mark.kind == "end":
            close(command, at)
            command, last = None, count
        elif mark.kind in ("entry", "call"):
            item = {"kind": "interrupt" if mark.kind == "entry" else "call", "slots": mark.slots,
                    "function": mark.function, "start": at, "depth": len(stack)}
            slices.append(item)
            stack.append(item)
        elif mark.kind == "call-return":
            target = next((s for s in reversed(stack) if s["kind"] == "call" and s["function"] == mark.function), None)
            if target is not None:
                close(target, at + 1)
        elif mark.kind == "return":
            target = next((s for s in reversed(stack) if s["kind"] == "interrupt"), None)
            if target is not None:
                close(target, at + 1)
        elif mark.kind == "tail":                # the entry jumps on to a function that returns for it
            target = next((s for s in reversed(stack) if s["kind"] == "interrupt"), None)
            # a jump in a function reached by a tail jump counts only on that way (not in a plain call)
            if target is not None and (not mark.origin or target.get("tail") == mark.origin):
                target["tail"] = mark.function
        elif mark.kind == "tail-return":
            target = next((s for s in reversed(stack) if s["kind"] == "interrupt"), None)
            if target is not None and target.get("tail") == mark.function:
                close(target, at + 1)
    if stack:                                    # the run ended inside a command
        close(stack[0], max(s["start"] for s in slices))
    return slices


def main(argv):
    out = None
    if "--out" in argv:
        at = argv.index("--out")
        out, argv = argv[at + 1:at + 2], argv[:at] + argv[at + 2:]
        out = out[0] if out else None
    if len(argv) < 2 or argv[0] not in toolchain.TARGETS:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        print(f"  ARCH: one of {', '.join(toolchain.TARGETS)}", file=sys.stderr)
        return 2
    from reports.pictures import timeline
    arch, commands = argv[0], argv[1:]
    out_dir = Path(out or toolchain.build_dir(arch) / "trace")
    try:
        text, outputs, found, manifest = run(arch, commands, out_dir)
    except (TraceError, ConsoleError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for line, output in zip(commands, outputs):
        if "error:" in output:
            print(f"error: `{line}` was refused by the {arch} shell:\n{output.strip()}\n"
                  f"type `help` at `doit boot-{arch}` for the commands", file=sys.stderr)
            return 1
    slices = events(text, found, commands)
    trace = timeline.chrome_trace(arch, slices, icount=profile(arch).icount)
    (out_dir / "trace.json").write_text(json.dumps(trace, indent=1) + "\n")
    (out_dir / "trace.svg").write_text(timeline.svg(arch, slices))
    for line in timeline.summary(slices):
        print(line)
    print(f"wrote {out_dir / 'trace.json'} (open it in https://ui.perfetto.dev) and {out_dir / 'trace.svg'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
