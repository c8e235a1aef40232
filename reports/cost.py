"""What each handler style costs per interrupt, counted exactly inside QEMU.

Usage: .venv/bin/python -m reports.cost [--json FILE] [--svg FILE] [--compiler NAME ...] [ARCH ...]
       (default: every arch, with every toolchain of tools/toolchains.py that exists for it here)
       .venv/bin/python -m reports.cost ARCH --vector N   (one bench vector of yours, beside the minimum)

For every bench vector of the arch's manifest (isr/<arch>.py, bench=), the
kernel's `bench N` raises it once from software, with asynchronous interrupts
masked, inside a window: from the instruction that raises the vector to the
first instruction after the return. A TCG plugin (tools/plugin/window.c,
built by `doit plugin`) counts the instructions and the stores executed in
the window; where the arch runs under mspdebug's simulator instead of QEMU,
the launcher counts the instructions with the simulator's tracer, and no
stores (qemu/mspdebug_sim.py --window). Each row says which counted it.
`bench empty` runs the same window with nothing raised: the baseline. Rows
per arch, style, shape and toolchain (the kernel's own, then every other
entry of tools/toolchains.py that exists for the arch here):

- insns: instructions in the window (the raising instruction included);
- net: insns minus the empty window's, what the interrupt itself adds;
- stores: stores made by instructions (the words the CPU pushes by itself are
  not instructions' stores and are left out, as in reports/handler_cost.py);
- saved: register words saved on the way in, read statically (handler_cost);
- over min: insns minus the hand-written minimum (the `naked` counter handler).

A style or shape the arch's spec does not bind (riscv64 has one software-raisable
vector to spare) is measured in a variant kernel that rebinds the first bench
vector, and another toolchain's rows in a kernel it built (reports/variants.py). Counts are
exact and repeatable: nothing in a window prints or waits. Then the conformance
probes (`probe`) of every kernel run, and each failure becomes a note.
"""
import argparse
import json
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

import pexpect

from qemu import boot_record, bounds
from qemu.launcher import command, die_with_parent
from qemu.park import parked_status
from qemu.profiles import profile
from qemu.spawn import Spawn
from isr import arches
from reports import handler_cost, lang_kernels, variants
from reports.pictures import cost_bars
from tools import toolchain, toolchains, versions
from tools.elf_symbols import Image

ROOT = toolchain.ROOT
PLUGIN_SOURCE = ROOT / "tools" / "plugin" / "window.c"
PLUGIN = ROOT / "build" / "plugin" / "window.so"
PLUGIN_CC = ["cc", "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror"]
PLUGIN_QEMU = "qemu-system-x86_64"     # asked for the QEMU version: every qemu-system-* of an install has the same
BOOT_TIMEOUT = 30
FAULT_TIMEOUT = 15     # a fault probe whose handler cannot resume it storms: no prompt ever comes
SHAPES = ("counter", "call")
# x86_64 raises vector N with `int $N`, an immediate: each vector has its own
# window, swint_table's entry N ("int $N; ret", 8 bytes). The other arches raise
# every vector with one store or CSR write, whose operand says which.
SWINT_ENTRY_SIZE = 8
INT_SIZE = 2


class CostError(Exception):
    """Something missing or wrong: the message says what and how to fix it."""


def plugin_build_key():
    """What the plugin is built for: the installed QEMU and the plugin API
    version it accepts (doit rebuilds the plugin when QEMU changes)."""
    return f"{versions.describe(PLUGIN_QEMU)}, plugin API {versions.plugin_api()}"


def build_plugin(source=PLUGIN_SOURCE, out=PLUGIN):
    """Compile the plugin with the host's C compiler (a doit action), declaring
    the plugin API version the installed QEMU accepts (tools/versions.py)."""
    if shutil.which(PLUGIN_CC[0]) is None:
        print(f"cannot build the QEMU plugin {source}: no host C compiler `cc`; "
              f"install one: apt-get install gcc", file=sys.stderr)
        return False
    api = versions.plugin_api()
    if api is None:
        print(f"cannot build the QEMU plugin {source}: no {PLUGIN_QEMU} to ask which plugin API it takes; "
              f"install QEMU: apt-get install qemu-system-x86", file=sys.stderr)
        return False
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(PLUGIN_CC + [f"-DWINDOW_PLUGIN_API={api}", "-o", str(out), str(source)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        print(f"cannot build the QEMU plugin {source}:\n{result.stderr}", file=sys.stderr)
        return False
    return True


def benched(arch):
    """The arch has a measured window (kernel/<arch>/bench.c)."""
    return (ROOT / "kernel" / arch / "bench.c").exists()


def probed(arch):
    """The arch has conformance probes (kernel/<arch>/probe.c)."""
    return (ROOT / "kernel" / arch / "probe.c").exists()


def own_compiler(arch):
    """The toolchain the arch's kernel is built with (clang-14 on Debian 12, avr-gcc for avr)."""
    return variants.own(arch)


def bench_slots(manifest):
    return [s for s in manifest["vectors"] if s.get("bench")]


def windows(arch, elf, slots):
    """{window name: (begin, end)} and, in `bench` order, the window name and
    command of each measurement: every bench vector, then the empty window."""
    image = Image(elf)

    def address(symbol):
        if symbol not in image.symbols:
            raise CostError(f"{elf}: no symbol {symbol}: the window's begin or end PC is not in the ELF; "
                            f"rebuild with `.venv/bin/python -m doit build-{arch}` (kernel/{arch}/bench*.S defines it)")
        return image.code_address(symbol)    # Thumb: the PC, not the interworking address

    if arch == "x86_64":
        table = address("swint_table")
        found = {f"v{s['vector']}": (table + SWINT_ENTRY_SIZE * s["vector"],
                                     table + SWINT_ENTRY_SIZE * s["vector"] + INT_SIZE) for s in slots}
        found["empty"] = (address("bench_empty_begin"), address("bench_empty_end"))
        order = [(f"v{s['vector']}", f"bench {s['vector']}") for s in slots] + [("empty", "bench empty")]
    else:
        found = {"window": (address("bench_window_begin"), address("bench_window_end"))}
        order = [("window", f"bench {s['vector']}") for s in slots] + [("window", "bench empty")]
    return found, order


WINDOW_LINE = re.compile(r"^window (\w+) insns=(\d+) stores=(\d+|-)$", re.M)     # -: not counted
TAKEN = re.compile(r"^bench (\w+): taken=(\d+)", re.M)


def session(arch, elf, lines, run_dir, extra=(), what="QEMU", timeout=BOOT_TIMEOUT):
    """Boot elf (QEMU argv + extra), type each line at a prompt, then `exit 0`;
    return each line's output. The transcript goes to run_dir."""
    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    # A machine with no exit device (avr) parks its guest: QMP reads it and quits QEMU.
    parked = profile(arch).parked
    qmp_dir = tempfile.TemporaryDirectory(prefix="qmp-") if parked else None   # a socket path has 107 bytes
    qmp = Path(qmp_dir.name) / "qmp.sock" if parked else None
    argv = command(arch, elf, qmp=qmp) + list(extra)
    prompt = re.escape(profile(arch).prompt)
    earlier = boot_record.earlier_failure(arch, elf)      # in a test run: a kernel known not to boot
    if earlier:
        raise CostError(f"{arch}: {earlier}")
    transcript = run_dir / "transcript"
    spawned = []
    sink = bounds.CappedTranscript(transcript, on_flood=lambda: spawned[0].kill(signal.SIGKILL))
    with closing(sink):
        child = Spawn(argv[0], argv[1:], encoding="utf-8", codec_errors="replace", timeout=timeout,
                      logfile=sink, echo=False, preexec_fn=die_with_parent, dimensions=(50, 200), cwd=str(ROOT))
        spawned.append(child)
        try:
            outputs = []
            child.expect(prompt)
            for line in lines:
                child.send(line + "\r")
                child.expect(prompt)
                outputs.append(child.before.replace("\r", ""))
            child.send("exit 0\r")
            if parked:
                child.expect("exit status=0")
                if parked_status(qmp, elf, *parked, timeout=timeout) != 0:
                    raise pexpect.TIMEOUT(f"the guest did not park at {parked[0]}")
            child.expect(pexpect.EOF)
        except (pexpect.TIMEOUT, pexpect.EOF) as error:
            happened = "stopped" if isinstance(error, pexpect.EOF) else f"did not answer within {timeout}s"
            if sink.flooded:
                happened = f"printed more than {bounds.TRANSCRIPT_CAP // bounds.MB} MB and was stopped"
            tail = sink.tail(1500)
            raise CostError(f"{arch}: QEMU {happened} with {what} ({argv[0]}). Transcript tail:\n{tail}") from None
        finally:
            child.close(force=True)
            if qmp_dir:
                qmp_dir.cleanup()
    return outputs


def simulated(arch):
    """The arch runs under mspdebug's simulator (qemu/mspdebug_sim.py), not QEMU:
    no TCG plugin, the simulator's tracer counts the window."""
    return profile(arch).launcher == "mspdebug-sim"


def counted_by(arch):
    """What counts the arch's windows, as its rows say: 'QEMU 7.2.22, plugin API 1',
    or the simulator and its tracer ('mspdebug 0.22.0 simulator, tracer')."""
    counter = versions.describe(profile(arch).binary)
    return f"{counter} simulator, tracer" if simulated(arch) else f"{counter}, plugin API {versions.plugin_api()}"


def measure(arch, elf, manifest, run_dir):
    """Boot elf with the plugin (or the simulator's tracer), run every bench
    window once; return [(command, insns, stores)] in `bench` order."""
    if not PLUGIN.exists() and not simulated(arch):
        raise CostError(f"the QEMU plugin {PLUGIN} is not built: run `.venv/bin/python -m doit plugin` "
                        f"(it needs a host C compiler: apt-get install gcc)")
    slots = bench_slots(manifest)
    if not slots:
        raise CostError(f"{manifest['spec']}: binds no bench vector; add one with bench=\"counter\" "
                        f"(see the README, \"What each style costs\")")
    found, order = windows(arch, elf, slots)
    log = Path(run_dir) / "plugin.log"
    log.unlink(missing_ok=True)
    plugin_args = ",".join(f"{name}={begin:x}:{end:x}" for name, (begin, end) in found.items())
    extra = ["-plugin", f"{PLUGIN},{plugin_args}", "-d", "plugin", "-D", str(log)]
    if simulated(arch):
        # No QEMU: the bridge counts one window with the tracer, between two breakpoints.
        (begin, end), = found.values()
        extra = ["--window", f"{begin:x}:{end:x}", "--window-log", str(log)]
    try:
        outputs = session(arch, elf, [line for _, line in order], run_dir, extra, what=f"the plugin {PLUGIN}")
    except CostError as error:
        loaded = bounds.tail_text(log, 800) if log.exists() else "(no plugin log)"
        raise CostError(f"{error}\nIf QEMU cannot load the plugin, rebuild it: `.venv/bin/python -m doit plugin`. "
                        f"Plugin log tail:\n{loaded}") from None
    for (_, line), output in zip(order, outputs):
        taken = TAKEN.search(output)
        expected = "0" if line == "bench empty" else "1"
        if not taken or taken[2] != expected:
            raise CostError(f"{arch}: `{line}` answered {output.strip()!r}, not taken={expected}: "
                            f"the handler did not run exactly once, so the window measured nothing")
    text = log.read_text(errors="replace") if log.exists() else ""
    lines = WINDOW_LINE.findall(text)
    if "windows done" not in text or len(lines) != len(order):
        raise CostError(f"{arch}: the plugin reported {len(lines)} window(s) for {len(order)} `bench` "
                        f"command(s) in {log}:\n{text[-800:] or '(empty: did QEMU load the plugin?)'}")
    results = []
    for (name, line), (got, insns, stores) in zip(order, lines):
        if got != name or int(insns) == 0:
            raise CostError(f"{arch}: window {got} insns={insns} where {name} was expected for `{line}`")
        results.append((line, int(insns), None if stores == "-" else int(stores)))
    return results


PROBE_LINE = re.compile(r"^probe vec=(?P<vector>\d+)(?: fault=(?P<fault>\S+))? compiler=(?P<compiler>\S+) "
                        r"check=(?P<check>\S+) (?P<result>ok|FAIL)(?: want=(?P<want>\S+) got=(?P<got>\S+))?$", re.M)
PROBE_DONE = re.compile(r"^probe vec=\d+(?: fault=\S+)?: checks=(\d+) failed=(\d+)$", re.M)
FAULT_LINE = re.compile(r"^  (\S+) +vector (\d+): (.*)$", re.M)


def probe(arch, elf, manifest, run_dir):
    """Run the conformance probes (`probe`) of one kernel: every bench vector of
    its manifest, and every fault the kernel lists. Returns one dict per check:
    vector, fault (or None), check, ok, want, got, and the vector's style and handler."""
    listing, = session(arch, elf, ["probe"], run_dir)
    faults = FAULT_LINE.findall(listing)
    if "error: usage: probe N" not in listing:      # the listing, even where there is no fault (avr)
        raise CostError(f"{arch}: `probe` did not list its faults:\n{listing}")
    slots = {s["vector"]: s for s in manifest["vectors"]}
    targets = [str(s["vector"]) for s in bench_slots(manifest)]
    outputs = session(arch, elf, [f"probe {t}" for t in targets], run_dir)
    checks = []
    # Each fault in its own boot: a handler that cannot resume it (or recover)
    # takes it again and again, and the guest never comes back to its prompt.
    for name, vector, _ in faults:
        try:
            outputs += session(arch, elf, [f"probe {name}"], run_dir, timeout=FAULT_TIMEOUT)
            targets.append(name)
        except CostError as error:
            slot = slots[int(vector)]
            checks.append({"vector": int(vector), "fault": name, "check": "resumed", "ok": False,
                           "want": "the prompt back", "got": f"none: {str(error).splitlines()[0]} "
                                                             f"(the handler neither resumed nor recovered)",
                           "compiler": None, "style": slot["style"], "handler": slot["handler"]})
    for target, output in zip(targets, outputs):
        done = PROBE_DONE.search(output)
        found = [m.groupdict() for m in PROBE_LINE.finditer(output)]
        if not done or int(done[1]) != len(found) or not found:
            raise CostError(f"{arch}: `probe {target}` answered:\n{output}")
        for check in found:
            slot = slots[int(check["vector"])]
            checks.append({"vector": int(check["vector"]), "fault": check["fault"], "check": check["check"],
                           "ok": check["result"] == "ok", "want": check["want"], "got": check["got"],
                           "compiler": check["compiler"], "style": variants.style_label(arch, slot),
                           "handler": slot["handler"]})
    return checks


def failures(arch, compiler, checks):
    """One line per failed check: the register or check, style, compiler and vector."""
    return [f"{arch} {compiler}: probe of vector {c['vector']} ({c['style']} {c['handler']}"
            f"{', fault ' + c['fault'] if c['fault'] else ''}): {c['check']} FAIL, want {c['want']} got {c['got']}"
            for c in checks if not c["ok"]]


def kernel_rows(arch, compiler, elf, manifest, run_dir, only=None):
    """Rows for the bench vectors of one kernel (only: the (style, shape) pairs wanted),
    and the empty window's count."""
    measured = measure(arch, elf, manifest, run_dir)
    static = {slot["vector"]: saved for slot, _, saved, _ in handler_cost.costs(arch, elf=elf, manifest=manifest)}
    rows = []
    for slot, (_, insns, stores) in zip(bench_slots(manifest), measured):
        style = variants.style_label(arch, slot)
        if only is not None and (style, slot["bench"]) not in only:
            continue
        rows.append({"arch": arch, "compiler": compiler, "style": style, "shape": slot["bench"],
                     "vector": slot["vector"], "handler": slot["handler"], "insns": insns, "stores": stores,
                     "saved": static[slot["vector"]],
                     # which tools produced the figure: the compiler, and what counted (QEMU's plugin, or a simulator)
                     "cc": toolchains.entry(compiler).describe(arch), "qemu": counted_by(arch)})
        through = handler_cost.dispatched_through(manifest, slot)
        if through and through["options"].get("kind"):      # arm32: the abi IRQ or FIQ entry, and its kind
            rows[-1]["entry"] = f"{through['handler']}, {through['style']} {through['options']['kind']}"
    return rows, measured[-1][1]


def arch_report(arch, compilers=None, probes=True, runs=None, sse=False):
    """Every measured row of one arch, and its notes (probe failures among them
    unless probes is False); with sse, the SSE variant's rows too, where the
    arch has one (sse_rows). Transcripts go to runs (build/<arch>/runs by default)."""
    runs = Path(runs) if runs else toolchain.build_dir(arch) / "runs"
    manifest = json.loads((toolchain.build_dir(arch) / "gen" / "manifest.json").read_text())
    elf = toolchain.kernel_elf(arch)
    if not elf.exists():
        raise CostError(f"{elf} is not built: run `.venv/bin/python -m doit build-{arch}`")
    rows, notes = [], []
    for compiler in compilers or [own_compiler(arch)]:
        if toolchains.entry(compiler).language != "c":
            found, found_notes = language_rows(arch, compiler, probes, runs)
            rows, notes = rows + found, notes + found_notes
            continue
        if compiler == own_compiler(arch):
            kernel_elf, kernel_manifest = elf, manifest
        else:
            built = variants.build(arch, compiler)
            kernel_elf, kernel_manifest = built["elf"], built["manifest"]
            if built["warnings"]:
                notes.append(f"{arch} {compiler}: {len(built['warnings'])} warning(s) building the kernel, "
                             f"first: {built['warnings'][0]}")
        run_dir = runs / f"cost-{compiler}"
        found, empty = kernel_rows(arch, compiler, kernel_elf, kernel_manifest, run_dir)
        rows += found
        if probes:
            notes += failures(arch, compiler, probe(arch, kernel_elf, kernel_manifest, run_dir))
        have = {(r["style"], r["shape"]) for r in found}
        for style, shape in variants.missing(arch, have):
            built = variants.build(arch, compiler, style=style, shape=shape)
            variant_dir = runs / f"cost-{compiler}-{style}-{shape}"
            extra, _ = kernel_rows(arch, compiler, built["elf"], built["manifest"], variant_dir, only={(style, shape)})
            if probes:
                notes += [n for n in failures(arch, compiler, probe(arch, built["elf"], built["manifest"], variant_dir))
                          if f"({style} " in n and "fault" not in n]
            for row in extra:
                row["variant"] = True
            rows += extra
        if sse and arches.model(arch).toolchains.SSE is not None:
            found, said = sse_rows(arch, compiler, runs, probes)
            rows += found
            notes += said
        for row in rows:
            if row["compiler"] == compiler:
                row["empty"] = empty
                row["net"] = row["insns"] - empty
        notes += variants.refusals(arch, compiler)
    return rows, notes


SSE_STYLE = "abi-sse"     # the SSE variant's abi counter row (isr/arch_<arch>/toolchains.py SSE)


def sse_rows(arch, compiler, runs, probes=True):
    """One toolchain's row of the SSE variant (its abi counter handler, whose
    body uses xmm registers), and the failed probes of its SSE handlers. A
    toolchain that refuses SSE code in an interrupt function is a note saying so."""
    try:
        built = variants.build(arch, compiler, sse=True)
    except variants.VariantError as error:
        said = [line.strip() for line in str(error).splitlines() if "error" in line or "sorry" in line]
        return [], [f"{arch} {compiler}: no SSE variant: {said[0] if said else str(error).splitlines()[0]}"]
    facts = variants.sse_facts(arch)
    run_dir = runs / f"cost-{compiler}-sse"
    found, _ = kernel_rows(arch, compiler, built["elf"], built["manifest"], run_dir, only={("abi", "counter")})
    for row in found:
        row["style"], row["variant"] = SSE_STYLE, True
    if not probes:
        return found, []
    handlers = {facts["bench"], *facts["rebind"].values()}
    checks = [c for c in probe(arch, built["elf"], built["manifest"], run_dir) if c["handler"] in handlers]
    return found, [f"{note} (SSE variant)" for note in failures(arch, compiler, checks)]


def language_rows(arch, compiler, probes, runs):
    """The rows and notes of a handler language's kernel (reports/lang_kernels.py):
    only the bench vectors it writes; what it cannot write, the arch's facts say."""
    language = toolchains.entry(compiler).language
    try:
        built = lang_kernels.build(arch, language)
    except lang_kernels.LanguageKernelError as error:
        return [], [f"{arch} {compiler}: no kernel: {error}"]
    written = [s for s in bench_slots(built["manifest"]) if s["lang"] == language]
    run_dir = Path(runs) / f"cost-{compiler}"
    rows, empty = kernel_rows(arch, compiler, built["elf"], built["manifest"], run_dir,
                              only={(variants.style_label(arch, s), s["bench"]) for s in written})
    for row in rows:
        row["empty"], row["net"] = empty, row["insns"] - empty
    notes = [f"{arch} {compiler}: no `{style}` handlers: {why}"
             for style, why in toolchains.entry(compiler).facts(arch)["refusals"].items()]
    if probes:
        handlers = {s["handler"] for s in written}
        notes += failures(arch, compiler, [c for c in probe(arch, built["elf"], built["manifest"], run_dir)
                                           if c["handler"] in handlers])
    have = {(r["style"], r["shape"]) for r in rows}
    for style, shape in variants.missing(arch, have):
        if not lang_kernels.variant_written(arch, language, style, shape):
            continue
        built = lang_kernels.build(arch, language, style, shape)
        variant_dir = Path(runs) / f"cost-{compiler}-{style}-{shape}"
        extra, _ = kernel_rows(arch, compiler, built["elf"], built["manifest"], variant_dir, only={(style, shape)})
        for row in extra:
            row["variant"], row["empty"], row["net"] = True, empty, row["insns"] - empty
        rows += extra
        if probes:
            handler = next(s["handler"] for s in bench_slots(built["manifest"]) if s["lang"] == language and
                           (variants.style_label(arch, s), s["bench"]) == (style, shape))
            notes += failures(arch, compiler, [c for c in probe(arch, built["elf"], built["manifest"], variant_dir)
                                               if c["handler"] == handler])
    return rows, notes


def own_vector_report(arch, vector, runs=None):
    """The rows of one bench vector of the arch's own kernel (a student's, say)
    beside the hand-written minimum (the naked counter row), and the notes of
    its conformance probe: `doit cost-<arch> --vector N`. No variant kernels,
    no second compiler: one boot to measure, one to probe."""
    if arch not in toolchain.TARGETS:
        raise CostError(f"unknown arch {arch!r}; known: {', '.join(toolchain.TARGETS)}")
    runs = Path(runs) if runs else toolchain.build_dir(arch) / "runs"
    elf = toolchain.kernel_elf(arch)
    if not elf.exists():
        raise CostError(f"{elf} is not built: run `.venv/bin/python -m doit build-{arch}`")
    manifest = json.loads((toolchain.build_dir(arch) / "gen" / "manifest.json").read_text())
    slot = next((s for s in manifest["vectors"] if s["vector"] == vector and s["style"] != "default"), None)
    if slot is None:
        raise CostError(f"vector {vector} is bound to no handler in isr/{arch}.py: bind yours there first")
    if not slot.get("bench"):
        raise CostError(f"vector {vector} ({slot['handler']}) is not a bench vector: add bench=\"counter\" to its "
                        f"binding in isr/{arch}.py (its handler then only does bench_counter++, as "
                        f"kernel/bench.h says) and rebuild")
    found, empty = kernel_rows(arch, own_compiler(arch), elf, manifest, runs / "cost-vector")
    rows = [r for r in found if r["vector"] == vector or (r["style"], r["shape"]) == ("naked", "counter")]
    for row in rows:
        row["empty"], row["net"] = empty, row["insns"] - empty
    notes = []
    if probed(arch):
        checks = [c for c in probe_vector(arch, elf, manifest, vector, runs / "cost-vector")]
        notes = failures(arch, own_compiler(arch), checks)
    return rows, notes


def probe_vector(arch, elf, manifest, vector, run_dir):
    """The conformance checks of `probe N` for one vector (see probe())."""
    output, = session(arch, elf, [f"probe {vector}"], run_dir)
    slot = next(s for s in manifest["vectors"] if s["vector"] == vector)
    found = [m.groupdict() for m in PROBE_LINE.finditer(output)]
    done = PROBE_DONE.search(output)
    if not done or int(done[1]) != len(found) or not found:
        raise CostError(f"{arch}: `probe {vector}` answered:\n{output}")
    return [{"vector": vector, "fault": c["fault"], "check": c["check"], "ok": c["result"] == "ok",
             "want": c["want"], "got": c["got"], "compiler": c["compiler"],
             "style": variants.style_label(arch, slot), "handler": slot["handler"]} for c in found]


def summarize(rows):
    """Per arch and compiler: the hand-written minimum, each row's distance to
    it, and the stub/abi ratios."""
    summary = []
    for key in sorted({(r["arch"], r["compiler"]) for r in rows}):
        mine = [r for r in rows if (r["arch"], r["compiler"]) == key]
        naked = [r["insns"] for r in mine if r["style"] == "naked" and r["shape"] == "counter"]
        minimum = min(naked) if naked else None
        for r in mine:
            r["over_min"] = None if minimum is None else r["insns"] - minimum
        ratio = {}
        for shape in SHAPES:
            abi = [r["net"] for r in mine if r["style"] == "abi" and r["shape"] == shape]
            stub = [r["net"] for r in mine if r["style"] == "stub" and r["shape"] == shape]
            if abi and stub:
                ratio[shape] = round(stub[0] / abi[0], 2)
        summary.append({"arch": key[0], "compiler": key[1], "minimum": minimum,
                        "empty": mine[0]["empty"], "stub_per_abi": ratio})
    return summary


def print_report(rows, summary, notes):
    print("instructions per interrupt, from the raising instruction to the first one after the return")
    counted = sorted({r["qemu"] for r in rows})
    built = sorted({r["cc"] for r in rows})
    if counted:
        print(f"  counted by {'; '.join(counted)}; compiled by {', '.join(built)}")
    print(f"  {'arch':<9} {'compiler':<9} {'style':<7} {'shape':<8} {'vec':>4} {'insns':>5} {'net':>4} "
          f"{'stores':>6} {'saved':>5} {'over min':>8}")
    for r in rows:
        over = "-" if r["over_min"] is None else f"{r['over_min']:+d}"
        stores = "-" if r["stores"] is None else r["stores"]
        mark = " (variant kernel)" if r.get("variant") else ""
        mark += f" (through {r['entry']})" if r.get("entry") else ""
        print(f"  {r['arch']:<9} {r['compiler']:<9} {r['style']:<7} {r['shape']:<8} {r['vector']:>4} "
              f"{r['insns']:>5} {r['net']:>4} {stores:>6} {r['saved']:>5} {over:>8}{mark}")
    for s in summary:
        ratios = ", ".join(f"{shape} {value:g}" for shape, value in s["stub_per_abi"].items()) or "no abi and stub pair"
        print(f"  {s['arch']} {s['compiler']}: hand-written minimum {s['minimum']} instructions, "
              f"empty window {s['empty']}; stub/abi (net) {ratios}")
    for note in notes:
        print(f"  note: {note}")


def main(argv):
    parser = argparse.ArgumentParser(prog=".venv/bin/python -m reports.cost", description=__doc__.split("\n")[0])
    parser.add_argument("arches", nargs="*", metavar="ARCH")
    parser.add_argument("--json", metavar="FILE", help="also write the rows and summary as JSON")
    parser.add_argument("--svg", metavar="FILE", help="also draw the rows as bars (reports/pictures/cost_bars.py)")
    parser.add_argument("--compiler", action="append", choices=toolchains.names(),
                        help="toolchains to measure (default: every one that exists for the arch here)")
    parser.add_argument("--vector", type=int, metavar="N",
                        help="only this bench vector of one ARCH's kernel (a handler of your own), "
                             "beside the hand-written minimum, and its probe")
    args = parser.parse_args(argv)
    arches = args.arches or list(toolchain.TARGETS)
    rows, notes = [], []
    if args.vector is not None and len(arches) != 1:
        print("error: --vector N measures one arch's kernel: name that arch (reports.cost x86_64 --vector 80)",
              file=sys.stderr)
        return 2
    try:
        if args.vector is not None:
            rows, notes = own_vector_report(arches[0], args.vector)
            arches = []
        for arch in arches:
            if arch not in toolchain.TARGETS:
                raise CostError(f"unknown arch {arch!r}; known: {', '.join(toolchain.TARGETS)}")
            if not benched(arch):
                notes.append(f"{arch}: not measured: it has no bench window or probes yet "
                             f"(kernel/{arch}/bench.c, probe.c)")
                continue
            compilers = [c for c in args.compiler or variants.compilers(arch) if c in variants.compilers(arch)]
            said = [why for name, why in variants.absent(arch)
                    if args.compiler is None or name in args.compiler]
            found, more = arch_report(arch, compilers, probes=probed(arch), sse=True)
            said += more
            if not probed(arch):
                said.append(f"{arch}: no conformance probes yet (kernel/{arch}/probe.c)")
            rows += found
            notes += said
    except (CostError, variants.VariantError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    summary = summarize(rows)
    print_report(rows, summary, notes)
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows, "summary": summary, "notes": notes}, indent=1) + "\n")
    if args.svg:
        Path(args.svg).write_text(cost_bars.svg(rows, summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
