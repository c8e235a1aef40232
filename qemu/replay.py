"""Boot a test's kernel again with the same QEMU command line, type what the test
typed up to the line it failed on, and hand the console over.

Usage: .venv/bin/python -m qemu.replay TEST [--gdb]      (or `doit replay TEST [--gdb]`)

TEST is a test's name as pytest prints it (`test_trap_reports_and_comes_back[pf]`,
with or without its file and `::`). Every Console keeps, beside its transcript,
`<name>.argv.json` (the QEMU command line) and `<name>.typed` (every byte the
test sent); the newest run of that name is replayed. QEMU's `-d int` log goes to
`<name>.replay.qemu.log`, so the failed run's log stays as it was. With --gdb,
QEMU also serves GDB on a free port and the command to attach is printed
before the console is handed over: set breakpoints, then type the failing line.
"""
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from qemu.launcher import die_with_parent, free_port, gdb_script
from qemu.profiles import PROFILES
from qemu.spawn import Spawn

ROOT = Path(__file__).resolve().parent.parent
ESCAPE = "\x1d"         # Ctrl-]: leaves the console (and QEMU dies with us)


def run_files(test):
    """The newest saved run of a test: the .argv.json path (its siblings share the stem)."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", test.rsplit("::", 1)[-1])
    # build/<arch>/runs/<run>/<worker>/: one folder per pytest run (tests/conftest.py)
    runs = list(ROOT.glob(f"build/*/runs/**/{name}-*.argv.json"))
    if not runs:
        raise SystemExit(f"error: no saved run of {test!r} under build/*/runs/ (looked for {name}-N.argv.json); "
                         f"run the test first")
    return max(runs, key=lambda p: p.stat().st_mtime)


def split_typed(typed):
    """(lines to replay, the line the test failed on): every Enter-terminated line
    before the last one; the last (or a trailing unfinished one) is where it stopped."""
    lines = typed.split("\r")
    pending = lines.pop()                 # text after the last Enter: typed, not yet sent
    if pending:
        return lines, pending
    return lines[:-1], (lines[-1] if lines else "")


@dataclass
class Replay:
    child: object       # pexpect spawn of QEMU, at the prompt after the replayed lines
    replayed: list
    failing: str
    gdb_command: str = ""


def start(test, gdb=False, timeout=30, show=None):
    """Boot and replay; show (a file) sees the guest's output as it comes."""
    argv_path = run_files(test)
    stem = argv_path.name.removesuffix(".argv.json")
    argv = json.loads(argv_path.read_text())
    with open(argv_path.parent / f"{stem}.typed", encoding="utf-8", newline="") as handle:
        typed = handle.read()           # newline="": the Enter the test typed is a bare CR
    if "-D" in argv:
        argv[argv.index("-D") + 1] = str(argv_path.parent / f"{stem}.replay.qemu.log")
    prof = next(p for p in PROFILES.values() if p.binary == Path(argv[0]).name)
    elf = argv[argv.index("-kernel") + 1]
    gdb_command = ""
    if gdb:
        port = free_port()
        argv += ["-gdb", f"tcp:127.0.0.1:{port}"]
        script = argv_path.parent / f"{stem}.gdbinit"
        gdb_script(prof.arch, elf, script, port)
        gdb_command = f"{prof.gdb} -x {script}"
    lines, failing = split_typed(typed)
    child = Spawn(argv[0], argv[1:], encoding="utf-8", codec_errors="replace", timeout=timeout,
                  echo=False, preexec_fn=die_with_parent, dimensions=(50, 200))
    child.logfile_read = show
    child.expect_exact(prof.prompt)
    for line in lines:
        child.send(line + "\r")
        child.expect_exact(prof.prompt)
    return Replay(child, lines, failing, gdb_command)


def main(argv):
    args = [a for a in argv if a != "--gdb"]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    replay = start(args[0], gdb="--gdb" in argv, show=sys.stdout)
    replay.child.logfile_read = None          # interact() shows the output from here on
    print(f"\nreplayed {len(replay.replayed)} line(s); the test failed on: {replay.failing!r}")
    if replay.gdb_command:
        print(f"GDB: {replay.gdb_command}")
    print("The console is yours (Ctrl-] leaves).")
    sys.stdout.flush()
    replay.child.interact(escape_character=ESCAPE, output_filter=None)
    replay.child.terminate(force=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
