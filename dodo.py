"""Task graph: spec -> generate -> compile -> link -> check -> boot. `doit list` shows the tasks.

Steps are functions in isr/, tools/ and qemu/; this file only says which
files feed which step, so that a second `doit` run does nothing.
"""
import sys
from pathlib import Path

from doit.tools import Interactive, config_changed

from boards.terminal import boot_on_terminal
from isr import arches
from grading import grade, starter
from isr.generate import OUTPUTS, generate
from isr.validate import SpecError
from qemu import replay
from qemu.interactive import run_on_terminal
from qemu.launcher import free_port, gdb_script
from qemu.profiles import profile
from reports import book_tables, cost, explain
from reports.pictures import docs as pictures_docs, trace
from tools import handler_langs, toolchain
from tools.check_elf import check
from tools.ctrl_c import quiet_ctrl_c
from tools.doit_report import CompileSummary

ARCHES = arches.names()      # one per isr/arch_<arch>/ folder
ROOT = Path(__file__).resolve().parent

# doit's state in SQLite: each update is a transaction, so a doit killed in
# the middle of writing leaves the last complete state, where the json
# backend leaves an empty file that breaks every later run.
DEP_FILE = ROOT / "build" / "doit-deps.sqlite3"
# doit writes its state here even when the first task fails (a bad spec on a
# fresh clone), and cannot create the folder itself.
DEP_FILE.parent.mkdir(exist_ok=True)
quiet_ctrl_c()

DOIT_CONFIG = {
    "default_tasks": [f"{step}-{arch}" for arch in ARCHES for step in ("build", "check")] + ["plugin"],
    "dep_file": str(DEP_FILE),
    "backend": "sqlite3",
    "verbosity": 1,
    # One line per arch for its compiles, not one per object (--reporter=console: one per task).
    "reporter": CompileSummary,
}


def paths(arch):
    build = toolchain.build_dir(arch)
    return {
        "spec": ROOT / "isr" / f"{arch}.py",
        "gen": build / "gen",
        "elf": toolchain.kernel_elf(arch),
        "manifest": build / "gen" / "manifest.json",
    }


def generator_sources(arch):
    """isr/'s shared modules and this arch's own folder, without the user specs
    (each is its own arch's dependency): another arch's facts change nothing
    that this arch generates."""
    specs = {ROOT / "isr" / f"{name}.py" for name in ARCHES}
    shared = [p for p in (ROOT / "isr").glob("*.py") if p not in specs]
    own = Path(arches.model(arch).__file__).parent.rglob("*.py")
    return sorted(str(p) for p in [*shared, *own])


def _generate_step(arch, spec, out_dir):
    try:
        generate(arch, spec, out_dir)
    except SpecError as error:
        print(f"ISR spec rejected:\n{error}", file=sys.stderr)
        return False
    return True


def _check_step(elf, manifest):
    problems = check(elf, manifest)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return not problems


def task_gen():
    """Generate build/<arch>/gen/ (table, stubs, isr.h, keep.ld, manifest) from isr/<arch>.py."""
    for arch in ARCHES:
        p = paths(arch)
        yield {
            "name": arch,
            "actions": [(_generate_step, [arch, str(p["spec"].relative_to(ROOT)), str(p["gen"])])],
            "file_dep": generator_sources(arch) + [str(p["spec"])],
            "targets": [str(p["gen"] / name) for name in OUTPUTS],
        }


def task_compile():
    """Compile one source file (headers from the compiler's dependency file)."""
    for arch in ARCHES:
        gen = paths(arch)["gen"]
        for source in toolchain.sources(arch) + [gen / name for name in toolchain.GENERATED_SOURCES]:
            obj = toolchain.object_path(arch, source)
            yield {
                "name": f"{arch}:{source}",
                "actions": [(toolchain.compile_one, [arch, str(source), str(obj), str(gen)])],
                "file_dep": [str(ROOT / source)],
                # The command itself: a changed flag (tools/toolchain.py) recompiles what it touches.
                "uptodate": [toolchain.headers_unchanged,
                             config_changed(" ".join(toolchain.compile_command(arch, source, obj, gen)))],
                "task_dep": [f"gen:{arch}"],
                "targets": [str(obj)],
                "clean": True,
            }


def task_build():
    """Link build/<arch>/kernel.elf with --gc-sections and linker/<arch>.ld."""
    for arch in ARCHES:
        p = paths(arch)
        gen = p["gen"]
        objects = [str(toolchain.object_path(arch, s))
                   for s in toolchain.sources(arch) + [gen / n for n in toolchain.GENERATED_SOURCES]]
        yield {
            "basename": f"build-{arch}",
            # With the objects of the languages the spec's handlers are written in (lang=), if any.
            "actions": [(handler_langs.link, [arch, objects, str(p["elf"]), str(gen)])],
            "file_dep": objects + [str(toolchain.linker_script(arch)), str(gen / "keep.ld")] +
                        handler_langs.link_inputs(arch),
            "uptodate": [config_changed(" ".join(toolchain.link_command(arch, objects, p["elf"], gen)))],
            "targets": [str(p["elf"])],
            "doc": f"Build the {arch} kernel: generate tables, compile, link.",
        }


def task_check():
    """Prove the linked kernel against the manifest with pyelftools."""
    for arch in ARCHES:
        p = paths(arch)
        yield {
            "basename": f"check-{arch}",
            "actions": [(_check_step, [str(p["elf"]), str(p["manifest"])])],
            "file_dep": [str(p["elf"]), str(p["manifest"])] +
                        [str(ROOT / "tools" / f"{m}.py") for m in ("check_elf", "return_checks", "naked_checks",
                                                                   "guard_checks")],
            "doc": f"Check the {arch} kernel: every handler kept, every table entry right.",
        }


def _boot_banner(arch):
    print(f"Booting {arch} under {profile(arch).emulator}: type help. {profile(arch).quit_keys}.", flush=True)


def task_boot():
    """Boot interactively: serial on this terminal, Ctrl-A X quits; ends with the guest's status."""
    for arch in ARCHES:
        p = paths(arch)
        yield {
            "basename": f"boot-{arch}",
            "actions": [(_boot_banner, [arch]),
                        (boot_on_terminal, [arch, p["elf"], toolchain.build_dir(arch) / "boot"])],
            "task_dep": [f"check-{arch}"],
            "uptodate": [False],
            "verbosity": 2,
            "doc": f"Boot the {arch} kernel in {profile(arch).emulator} with the serial console on this terminal.",
        }


_debug_ports = {}      # arch -> the port debug-<arch> chose, for its QEMU action


def _debug_prepare(arch, elf, script, port):
    """Pick the GDB port (a free one unless --port), write the GDB script, print how to attach."""
    _debug_ports[arch] = port or free_port()
    gdb_script(arch, elf, script, _debug_ports[arch])
    print(profile(arch).debug_banner or
          f"QEMU waits for GDB on 127.0.0.1:{_debug_ports[arch]}. In another terminal: {profile(arch).gdb} -x {script}")
    print(f"The serial console stays here. {profile(arch).quit_keys}.")


def _debug_boot(arch, elf, run_dir):
    return run_on_terminal(arch, elf, run_dir, _debug_ports[arch])


def task_debug():
    """Boot halted with a GDB server; the printed GDB command attaches with symbols. Ctrl-A X quits."""
    for arch in ARCHES:
        p = paths(arch)
        script = toolchain.build_dir(arch) / "gdbinit"
        yield {
            "basename": f"debug-{arch}",
            "actions": [(_debug_prepare, [arch, p["elf"], script]),
                        (_debug_boot, [arch, p["elf"], toolchain.build_dir(arch) / "debug"])],
            "params": [{"name": "port", "long": "port", "type": int, "default": 0,
                        "help": "TCP port of QEMU's GDB server (default: a free one, printed)"}],
            "task_dep": [f"check-{arch}"],
            "uptodate": [False],
            "verbosity": 2,
            "doc": f"Boot the {arch} kernel halted, waiting for GDB (--port N, default a free port). Ctrl-A X quits.",
        }


def task_plugin():
    """Build the QEMU plugin that counts instructions per interrupt, with the host's C compiler."""
    return {
        "actions": [(cost.build_plugin, [])],
        "file_dep": [str(cost.PLUGIN_SOURCE), str(trace.PLUGIN_HEADER)],      # window.c includes the header
        "targets": [str(cost.PLUGIN)],
        "uptodate": [config_changed(cost.plugin_build_key())],     # a new QEMU may want another plugin API
        "clean": True,
    }


def _cost_command(svg):
    """reports.cost's command line; `doit cost --svg FILE` also draws the bars."""
    return [sys.executable, "-m", "reports.cost", "--json", str(book_tables.COST_DATA)] + (["--svg", svg] if svg else [])


def task_cost():
    """Instructions and stores per interrupt, per arch, style and compiler (reports/cost.py); --svg FILE draws them."""
    return {
        "actions": [Interactive(_cost_command, shell=False)],
        "params": [{"name": "svg", "long": "svg", "type": str, "default": "",
                    "help": "also draw the report as bars in this SVG file (reports/pictures/cost_bars.py)"}],
        "task_dep": ["plugin"] + [f"check-{arch}" for arch in ARCHES],
        "uptodate": [False],
        "verbosity": 2,
    }


def task_docs():
    """Build the book (docs/, mkdocs.yml) into build/site/, its tables made from the specs, findings and costs."""
    return {
        "actions": [(book_tables.build, [ROOT / "build" / "site"])],
        "uptodate": [False],
        "verbosity": 2,
    }


def task_plugin_trace():
    """Build the QEMU plugin that marks interrupt entries and returns for doit trace-<arch>."""
    return {
        "basename": "plugin-trace",
        "actions": [(trace.build_plugin, [])],
        "file_dep": [str(trace.PLUGIN_SOURCE), str(trace.PLUGIN_HEADER)],
        "targets": [str(trace.PLUGIN)],
        "uptodate": [config_changed(cost.plugin_build_key())],     # a new QEMU may want another plugin API
        "clean": True,
    }


def _trace_step(arch, commands):
    if not commands:
        print(f'usage: doit trace-{arch} COMMAND...   (each one shell line, quoted: doit trace-{arch} "trap nest")',
              file=sys.stderr)
        return False
    return trace.main([arch] + list(commands)) == 0


def task_trace():
    """Boot, run shell commands, write the interrupts taken as a Chrome/Perfetto trace and an SVG timeline."""
    for arch in ARCHES:
        yield {
            "basename": f"trace-{arch}",
            "actions": [(_trace_step, [arch])],
            "pos_arg": "commands",
            "task_dep": ["plugin-trace", f"check-{arch}"],
            "uptodate": [False],
            "verbosity": 2,
            "doc": f'Trace the {arch} interrupts of shell commands: doit trace-{arch} "trap nest" '
                   f"(writes build/{arch}/trace/trace.json and trace.svg).",
        }


def task_docs_pictures():
    """Regenerate docs/pictures/ (frames, the three traced scenarios, the cost bars) from the build and real runs."""
    return {
        "basename": "docs-pictures",
        "actions": [(lambda: pictures_docs.main([]) == 0, [])],
        "file_dep": [str(p) for p in sorted((ROOT / "reports").rglob("*.py"))] +
                    [str(paths(arch)[key]) for arch in ARCHES for key in ("elf", "manifest")],
        "targets": [str(pictures_docs.OUT / name) for name in pictures_docs.FIXED],
        "task_dep": ["plugin", "plugin-trace"] + [f"check-{arch}" for arch in ARCHES],
        "verbosity": 2,
    }


def _explain_step(arch, vector, run, svg):
    run = run or "--run" in vector          # doit takes options before the vector only
    vector = [v for v in vector if v != "--run"]
    if len(vector) != 1:
        print(f"usage: doit explain-{arch} [--svg FILE] VECTOR [--run]   (a number, 0x hex, or the arch's "
              f"name: #PF, MSI)", file=sys.stderr)
        return False
    return explain.main([arch, vector[0]] + (["--run"] if run else []) + (["--svg", svg] if svg else [])) == 0


def task_explain():
    """Trace one vector: spec line, table entry, symbols, CPU pushes, saves, acknowledgement, tests."""
    for arch in ARCHES:
        yield {
            "basename": f"explain-{arch}",
            "actions": [(_explain_step, [arch])],
            "pos_arg": "vector",
            "params": [{"name": "run", "long": "run", "type": bool, "default": False,
                        "help": "boot, raise the vector, and show the report line beside QEMU's log line"},
                       {"name": "svg", "long": "svg", "type": str, "default": "",
                        "help": "also draw the handler's stack frame as SVG in this file"}],
            "task_dep": [f"check-{arch}"],
            "uptodate": [False],
            "verbosity": 2,
            "doc": f"Explain one {arch} vector and draw its frame: doit explain-{arch} [--svg FILE] VECTOR [--run].",
        }


def _replay_step(test, gdb):
    gdb = gdb or "--gdb" in test
    test = [t for t in test if t != "--gdb"]
    if len(test) != 1:
        print("usage: doit replay TEST [--gdb]   (a test name as pytest prints it)", file=sys.stderr)
        return False
    return replay.main(test + (["--gdb"] if gdb else [])) == 0


def task_replay():
    """Boot a failed test's kernel with its QEMU command line, type its lines up to the failing one, hand over."""
    return {
        "actions": [_replay_step],
        "pos_arg": "test",
        "params": [{"name": "gdb", "long": "gdb", "type": bool, "default": False,
                    "help": "also serve GDB on a free port and print the command that attaches"}],
        "uptodate": [False],
        "verbosity": 2,
    }


def task_test():
    """Run the whole test suite in parallel (unit, ELF and QEMU tests)."""
    return {
        "actions": [Interactive([sys.executable, "-m", "pytest", "-n", "auto", str(ROOT / "tests")], shell=False)],
        "uptodate": [False],
        "verbosity": 2,
    }


def _arch_keywords(arch):
    """pytest -k for one arch: its name, and as a Python name (test files say cortex_m, parameters cortex-m)."""
    return " or ".join(dict.fromkeys([arch, arch.replace("-", "_")]))


def task_test_arch():
    """Run one arch's tests: every test whose name or parameters name the arch (pytest -k ARCH)."""
    for arch in ARCHES:
        yield {
            "basename": f"test-{arch}",
            "actions": [Interactive([sys.executable, "-m", "pytest", "-n", "auto", "-k", _arch_keywords(arch),
                                     str(ROOT / "tests")], shell=False)],
            "uptodate": [False],
            "verbosity": 2,
            "doc": f"Run the {arch} tests (pytest -n auto -k \"{_arch_keywords(arch)}\").",
        }


def task_cost_arch():
    """One arch's cost report; --vector N: only that bench vector (a handler of yours) beside the minimum."""
    for arch in ARCHES:
        yield {
            "basename": f"cost-{arch}",
            "actions": [(lambda arch, vector: cost.main([arch] + (["--vector", str(vector)] if vector >= 0 else []))
                         == 0, [arch])],
            "params": [{"name": "vector", "long": "vector", "type": int, "default": -1,
                        "help": "only this bench vector, beside the hand-written minimum, and its probe"}],
            "task_dep": ["plugin", f"check-{arch}"],
            "uptodate": [False],
            "verbosity": 2,
            "doc": f"The {arch} cost report; --vector N measures your own bench vector (labs/cost-x86_64).",
        }


def task_lab_start():
    """Put a lab's starter state into this tree (labs/<lab>/lab.toml); --undo takes it out, --into DIR uses a copy."""
    return {
        "basename": "lab-start",
        "actions": [starter.doit_step],
        "pos_arg": "lab",
        "params": [{"name": "into", "long": "into", "type": str, "default": "",
                    "help": "start the lab in a copy of the tree in this new folder"},
                   {"name": "undo", "long": "undo", "type": bool, "default": False,
                    "help": "take the starter out (only where its text is unchanged)"}],
        "uptodate": [False],
        "verbosity": 2,
    }


def task_grade():
    """Grade a lab in the sandbox: points per part, build/grade/<lab>/results.json (Gradescope) and junit.xml."""
    return {
        "actions": [grade.doit_step],
        "pos_arg": "lab",
        "params": [{"name": "submission", "long": "submission", "type": str, "default": "",
                    "help": "the student's tree or files (default: this tree)"},
                   {"name": "batch", "long": "batch", "type": str, "default": "",
                    "help": "a folder of submissions (one folder each), graded in parallel"},
                   {"name": "jobs", "long": "jobs", "type": int, "default": 0,
                    "help": "submissions graded at once (default: the machine's cores)"}],
        "task_dep": ["plugin"],
        "uptodate": [False],
        "verbosity": 2,
    }
