"""`doit replay TEST`: a test's kernel booted again with its command line, its lines typed up to the failing one."""
import json
import re

from qemu import replay
from qemu.console import Console
from qemu.profiles import profile
from tools import toolchain


def test_a_run_keeps_its_command_line_and_what_was_typed(boot_console, kernel):
    console = boot_console("riscv64", kernel("riscv64"))
    console.run("ticks")
    console.send("xy\x15")
    console.run("help")
    run_dir = console.transcript_path.parent
    stem = console.transcript_path.name.removesuffix(".transcript")
    argv = json.loads((run_dir / f"{stem}.argv.json").read_text())
    assert argv[0] == profile("riscv64").binary and str(console.elf) in argv
    with open(run_dir / f"{stem}.typed", newline="") as typed:
        assert typed.read() == "ticks\rxy\x15help\r"


def test_split_typed_stops_before_the_failing_line():
    assert replay.split_typed("ticks\rint 3\rtrap pf\r") == (["ticks", "int 3"], "trap pf")
    assert replay.split_typed("ticks\rxyz") == (["ticks"], "xyz")


def test_replay_types_the_lines_before_the_failing_one_and_hands_over(kernel, tmp_path):
    """A run named like a test (as the console fixture names it) that stopped at
    `int 19`: the replay boots the same command line, types `ticks` and `stats`,
    and leaves `int 19` for the user."""
    elf = kernel("riscv64")
    name = f"test_replay_target_{tmp_path.name}"
    run_dir = toolchain.build_dir("riscv64") / "runs" / "replay-test"
    with Console("riscv64", elf, run_dir, f"{name}-0") as original:
        original.boot()
        original.run("ticks")
        original.run("stats")
        original.send("int 19\r")
        original.expect(r"int 19: returned")
    again = replay.start(f"tests/qemu/test_x.py::{name}")
    try:
        assert (again.replayed, again.failing) == (["ticks", "stats"], "int 19")
        assert again.child.before is not None
        # The console is at the prompt: what the user types next is the failing line.
        again.child.send("int 19\r")
        again.child.expect(r"\[trap\] vec=19 name=MSI [^\r\n]*\r*\n")
        again.child.expect_exact(profile("riscv64").prompt)
    finally:
        again.child.terminate(force=True)
    log = run_dir / f"{name}-0.replay.qemu.log"
    assert log.exists() and re.search(r"cause:0000000000000003", log.read_text())
