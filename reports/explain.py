"""One vector's whole path, from the spec line to the tests that cover it.

Usage: .venv/bin/python -m reports.explain ARCH VECTOR [--run] [--svg FILE]
       (or `doit explain-ARCH VECTOR [--run] [--svg FILE]`)

VECTOR is a number (14, 0x50) or the arch's name for it (#PF, MSI, SysTick).
Everything comes from the build: the manifest, the ELF (table entry decoded by
the arch's isr/arch_<arch>/decode_table.py, symbols and source lines by tools/symbolize.py), the
arch model's facts (describe(), acknowledge()) and reports/handler_cost.py.
With --run the kernel boots under QEMU, the vector is raised (`int N`, or the
`trap` whose report names it), and the kernel's report line is shown beside
the line QEMU's `-d int` log wrote for it.
"""
import ast
import functools
import json
import re
import sys
from pathlib import Path

from isr import arches, styles
from isr.load import arch_model
from qemu import int_log
from reports import book_tables, handler_cost
from reports.pictures import frame
from tools import toolchain, versions
from tools.check_elf import _table_slots
from tools.symbolize import Symbolizer

def cpu_saves(arch, slot):
    """What the CPU stores by itself when it takes this vector (the same for every style)."""
    return arch_model(arch).pushes.in_words(slot)


def vector_of(arch, text):
    """A vector number from a number (decimal or 0x hex) or the arch's name for it."""
    model = arch_model(arch)
    try:
        vector = int(text, 0)
    except ValueError:
        names = {model.vector_name(v).lower(): v for v in range(model.VECTOR_COUNT)}
        key = text.lower()
        if key not in names and "#" + key in names:
            key = "#" + key
        if key not in names:
            raise SystemExit(f"error: {arch} has no vector named {text!r}; give a number or one of: "
                             f"{', '.join(sorted({model.vector_name(v) for v in range(model.VECTOR_COUNT)}))}")
        return names[key]
    if not 0 <= vector < model.VECTOR_COUNT:
        raise SystemExit(f"error: vector {vector} out of range 0-{model.VECTOR_COUNT - 1} on {arch}")
    return vector


def log_pattern(arch, vector):
    """A regex for the line the emulator's interrupt log writes when this vector
    is taken (isr/arch_<arch>/machine.py), or None where it logs no interrupts."""
    slot = next(s for s in _manifest(arch)["vectors"] if s["vector"] == vector)
    return arch_model(arch).machine.log_pattern(slot)


def _manifest(arch):
    return json.loads((toolchain.build_dir(arch) / "gen" / "manifest.json").read_text())


def spec_line(where):
    path, line = where.rsplit(":", 1)
    return Path(toolchain.ROOT / path if not Path(path).is_absolute() else path).read_text().splitlines()[int(line) - 1].strip()


def no_interrupt_log(binary):
    """What explain --run says where QEMU logs nothing, naming the QEMU that ran."""
    return f"({versions.describe(binary)} logs no interrupts for this arch)"



def _about(arch, path, node, source):
    """Whether a test function is about arch: its file is that arch's, it boots that
    arch's console fixture, or a shared file's test names the arch."""
    file_arch = next((a for a in arches.names() if a.replace("-", "_") in path.name), None)
    if file_arch is not None:
        return file_arch == arch
    fixture = arch_model(arch).testing.CONSOLE_FIXTURE
    return fixture in {a.arg for a in node.args.args} or f'"{arch}"' in source


def covering_tests(arch, slot):
    """Test functions whose source (or the module-level cases they are parametrized with) names this vector."""
    v, name = slot["vector"], slot["name"]
    needles = [rf"\bvec={v}\b", rf"\bint {v}\b", rf"\bint {hex(v)}\b", rf'"{re.escape(name)}"']
    if slot["style"] != "default":
        needles += [rf"\b{re.escape(slot['handler'])}\b", rf"\b{re.escape(slot['entry'])}\b"]
    pattern = re.compile("|".join(needles))
    return [f"{path.relative_to(toolchain.ROOT)}::{node.name}" for path, node, source in _test_functions()
            if _about(arch, path, node, source) and pattern.search(source)]


@functools.cache
def _costs(arch, elf_mtime):
    """handler_cost's rows by vector, once per build of the kernel."""
    return {row[0]["vector"]: row for row in handler_cost.costs(arch)}


@functools.cache
def _symbolizer(elf, elf_mtime):
    return Symbolizer(elf)


@functools.cache
def _test_functions():
    """(path, node, source) of every test function of every test file: its
    source, its decorators, and the module-level constants they name (the
    cases it is parametrized with). Read and cut up once per process."""
    found = []
    for path in sorted((toolchain.ROOT / "tests").rglob("test_*.py")):
        text = path.read_bytes()
        lines = text.splitlines(keepends=True)

        def segment(node):
            """ast.get_source_segment without splitting the whole file at every call
            (the offsets are UTF-8 byte offsets)."""
            first, last = node.lineno - 1, node.end_lineno - 1
            if first == last:
                return lines[first][node.col_offset:node.end_col_offset].decode()
            return (lines[first][node.col_offset:] + b"".join(lines[first + 1:last]) +
                    lines[last][:node.end_col_offset]).decode()
        tree = ast.parse(text)
        constants = {t.id: segment(node) for node in tree.body if isinstance(node, ast.Assign)
                     for t in node.targets if isinstance(t, ast.Name)}
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test_"):
                continue
            decorators = " ".join(segment(d) for d in node.decorator_list)
            source = segment(node) + decorators + \
                "".join(constants[n] for n in constants if re.search(rf"\b{n}\b", decorators))
            found.append((path, node, source))
    return found


def first_line(path, pattern):
    """'FILE:LINE: text' of the first line of path that matches pattern (a generated
    file, a kernel source, a linker script), or None."""
    path = Path(path)
    if not path.exists():
        return None
    for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
        if re.search(pattern, line):
            shown = path.relative_to(toolchain.ROOT) if path.is_relative_to(toolchain.ROOT) else path
            return f"{shown}:{number}: {line.strip()}"
    return None


def generated_path(arch, slot, gen):
    """The generated lines of one vector: the handler's prototype (gen/isr.h), the table
    source's entry (gen/isr_table.S) and the keep line (gen/keep.ld)."""
    target = slot["guard"] or slot["entry"]
    found = [("prototype", gen / "isr.h", rf"^[^#/]*\b{re.escape(slot['handler'])}\("),
             ("source", gen / "isr_table.S", rf"\b{re.escape(target)}\b"),
             ("keep", gen / "keep.ld", rf"KEEP\(\*\(\.text\.(?:{re.escape(slot['handler'])}|{re.escape(slot['entry'])})\)\)")]
    if not styles.style(slot["style"]).bindable:
        found = found[1:2]      # the default entry: generated, with no prototype or keep line of its own
    return [(role, first_line(path, pattern)) for role, path, pattern in found]


def install_line(arch):
    """Where the CPU learns the table's address, and what that line does (the arch's TABLE_INSTALL)."""
    file, pattern, what = arch_model(arch).TABLE_INSTALL
    return f"{first_line(toolchain.ROOT / file, pattern) or file + ': (not found: ' + pattern + ')'}\n             ({what})"


REPORT_BEGIN = r"^void report_begin\("       # kernel/report.c: the line's start, for every arch


def report_line(arch, slot):
    """What the kernel prints when this vector is taken (kernel/report.c report_begin: the
    name and style from gen/isr_info.c), up to the fields the arch adds."""
    printed_by = first_line(toolchain.ROOT / "kernel" / "report.c", REPORT_BEGIN)
    return (f"[trap] vec={slot['vector']} name={slot['name']} style={slot['style']} err=... "
            f"then=...   ({printed_by})")


def by_toolchain(arch, slot):
    """What each toolchain that exists for the arch makes of this vector's bench
    handler, from the cost report's data (reports/book_tables.py cost_data: this
    machine's `doit cost`, else the committed report); [] for a vector the report
    does not measure (only bench vectors are: `bench="counter"` in the spec)."""
    if not slot.get("bench"):
        return []
    try:
        data, path = book_tables.cost_data()
    except book_tables.TableError as error:
        return [f"  toolchains: {error}"]
    rows = [r for r in data["rows"] if r["arch"] == arch and r["vector"] == slot["vector"]
            and r["style"] == slot["style"]]
    if not rows:
        return [f"  toolchains: {path.relative_to(toolchain.ROOT)} has no row for vector {slot['vector']} "
                f"({slot['style']}): run `.venv/bin/python -m doit cost-{arch} --vector {slot['vector']}`"]
    lines = [f"  toolchains: {slot['style']} {rows[0]['shape']} per interrupt, from {path.relative_to(toolchain.ROOT)}"]
    lines += [f"             {r['compiler']:<9} {r['insns']:>4} instructions, {r['stores']} stores, "
              f"{r['saved']} saved words, +{r['over_min']} over the hand-written minimum ({r['cc']})" for r in rows]
    return lines


def explain(arch, vector):
    """The report as a list of lines."""
    model = arch_model(arch)
    build = toolchain.build_dir(arch)
    manifest = _manifest(arch)
    slot = next((s for s in manifest["vectors"] if s["vector"] == vector), None)
    if slot is None:
        return [f"vector {vector} ({model.vector_name(vector)}) has no table entry on {arch} "
                f"(Cortex-M word 0 is the initial stack pointer)"]
    elf = toolchain.kernel_elf(arch)
    symbolizer = _symbolizer(elf, elf.stat().st_mtime)
    image = symbolizer.image
    raised, saved_pc = model.describe(vector)
    out = [f"vector {vector} (0x{vector:x}) {slot['name']} on {arch}"]
    if slot["style"] == "default":
        out += [f"  spec:      not bound by {manifest['spec']}: the default handler reports it"]
    else:
        out += [f"  spec:      {slot['where']}: {spec_line(slot['where'])}",
                f"             style {slot['style']}, kind {slot['kind']}, options {slot['options'] or '-'}"]
    out += [f"  raised by: {raised}"]
    for role, line in generated_path(arch, slot, build / "gen"):
        out += [f"  {role + ':':<10} {line or '(no line in gen/ names it)'}"]
    out += [f"  install:   {install_line(arch)}"]
    for table in manifest["tables"]:
        first = table["first_vector"]
        if not first <= vector < first + table["count"]:
            continue
        problems = []
        entries = _table_slots(image, arch, table, problems)
        target, fields = entries.get(vector, (None, {}))
        where = image.symbols[table["start"]].address + table["entry_size"] * (vector - first)
        shown = " ".join(f"{k}={v}" for k, v in fields.items())
        out += [f"  table:     {table['name']} entry at 0x{where:x} ({table['format']}) -> "
                + (f"0x{target:x} {image.by_address.get(target, '?')} {shown}"
                   if target is not None else "nothing decoded: " + "; ".join(problems))]
        if "dispatcher" in table:
            out += [f"             not read by the CPU: {table['dispatcher']} calls through it"]
    if slot["guard"] and slot["guard"] in image.symbols:
        out += [f"  guard:     {slot['guard']} at 0x{image.code_address(slot['guard']):x}: counts the "
                f"entry down in storm_budget[{vector}] (kernel/storm.h), then goes on to {slot['entry']}"]
    for role, name in (("entry", slot["entry"]), ("handler", slot["handler"])):
        symbol = image.symbols.get(name)
        if symbol is None:
            out += [f"  {role + ':':<10} {name} is not in the ELF"]
            continue
        address = image.code_address(name)
        line = symbolizer.line(address)
        out += [f"  {role + ':':<10} {name} at 0x{address:x}, {symbol.size} bytes, "
                + (f"{line[0]}:{line[1]}" if line else "no source line")]
        if slot["entry"] == slot["handler"]:
            break
    out += [f"  the CPU:   {cpu_saves(arch, slot)}",
            f"  saved PC:  {saved_pc}"]
    cost = _costs(arch, elf.stat().st_mtime).get(vector)
    if cost:
        _, path, words, size = cost
        out += [f"  saves:     {words} register words on the way in, {size} bytes of code: {' -> '.join(path)}"]
    else:
        out += ["  saves:     the default entry's frame (every general register), then isr_default_handler"]
    out += [f"  ack:       {model.acknowledge(vector)}",
            f"  report:    {report_line(arch, slot)}"]
    out += by_toolchain(arch, slot)
    tests = covering_tests(arch, slot)
    out += ["  tests:     " + (tests[0] if tests else "none name this vector")] + [f"             {t}" for t in tests[1:]]
    return out


def _report_of(vector, output):
    return next((line.strip() for line in output.splitlines()
                 if line.lstrip().startswith("[trap]") and f" vec={vector} " in line), None)


def raise_and_compare(arch, vector, run_dir=None):
    """Boot, raise the vector, and return the kernel's report line and QEMU's log line.
    The transcript and QEMU's log go to run_dir (default build/<arch>/runs/explain).

    In order: `int N`; the same with `irqtrace on` (hardware interrupts report
    only then; the timer and the UART's own interrupts arrive by themselves);
    each `trap` until one reports the vector."""
    from qemu.console import Console, ConsoleError
    from qemu.profiles import profile

    elf = toolchain.kernel_elf(arch)
    run_dir = run_dir or toolchain.build_dir(arch) / "runs" / "explain"
    with Console(arch, elf, run_dir, f"explain-{vector}") as console:
        console.boot()
        how, report = f"int {vector}", _report_of(vector, console.run(f"int {vector}"))
        if report is None:
            console.run("irqtrace on")
            how = f"irqtrace on, int {vector}"
            report = _report_of(vector, console.run(f"int {vector}"))
            if report is None:
                try:
                    report = _report_of(vector, console.expect(rf"\[trap\] vec={vector} [^\r\n]*\r*\n",
                                                               timeout=3)[0])
                    how = "irqtrace on, and waited for it"
                except ConsoleError:
                    pass
            console.run("irqtrace off")
        if report is None:
            for name in re.findall(r"^  (\S+) ", console.run("trap"), re.M):
                how, report = f"trap {name}", _report_of(vector, console.run(f"trap {name}"))
                if report:
                    break
        if report is None:
            return [f"  run:       neither `int {vector}`, nor irqtrace, nor any `trap` raises vector {vector}"]
        logged = [no_interrupt_log(profile(arch).binary)] if log_pattern(arch, vector) is None else \
            logged_entry(arch, vector, report, console.log_path.read_text(errors="replace").splitlines())
    return [f"  run:       `{how}`", f"    kernel:  {report}"] + \
        [f"    {'QEMU:' if i == 0 else '':<8} {line}" for i, line in enumerate(logged or [f"(no line in {console.log_path})"])]


def logged_entry(arch, vector, report, log):
    """The log's lines for this vector's entry (with their "..." details), preferring the
    entry whose lines show the PC the report names: the timer keeps logging after it."""
    pc = int(re.search(r" [a-z]+=0x([0-9a-f]+)", report.split(" err=", 1)[1])[1], 16)
    same_pc = re.compile(rf"(?<![0-9a-f])0*{pc:x}(?![0-9a-f])")
    slot = next(s for s in _manifest(arch)["vectors"] if s["vector"] == vector)
    entries = int_log.lines_for(arch, slot, log)
    matching = [e for e in entries if any(same_pc.search(line) for line in e)]
    return (matching or entries or [None])[-1]


def main(argv):
    svg = None
    if "--svg" in argv:             # --svg FILE: the frame also drawn as SVG (reports/pictures/frame.py)
        at = argv.index("--svg")
        svg, argv = (argv[at + 1] if at + 1 < len(argv) else ""), argv[:at] + argv[at + 2:]
        if not svg:
            print("error: --svg needs a file name: --svg frame.svg", file=sys.stderr)
            return 2
    args = [a for a in argv if a != "--run"]
    if len(args) != 2 or args[0] not in toolchain.TARGETS:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    arch = args[0]
    if not toolchain.kernel_elf(arch).exists():
        print(f"error: no {arch} kernel: run `.venv/bin/python -m doit build-{arch}` first", file=sys.stderr)
        return 1
    vector = vector_of(arch, args[1])
    lines = explain(arch, vector)
    run = raise_and_compare(arch, vector) if "--run" in argv else []
    lines += run + frame.explain_lines(arch, vector, run, svg)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
