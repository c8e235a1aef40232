"""The mspdebug launcher's promises: no process outlives its parent, no ending but the
guest's own `exit N` reads as a guest status, and the guest's time flows with the host's
while it waits, as Timer_A counts on in LPM0 on the part."""
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qemu import launcher
from qemu.profiles import profile
from tests.conftest import ROOT
from tests.qemu.scenarios import ticks
from tools.elf_symbols import Image

# Tick periods to wait at the prompt between two `ticks`.
WAIT_TICKS = 50


def gone(pid, within=10.0):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state == "Z":
            return True
        time.sleep(0.05)
    return False


def test_bridge_and_mspdebug_die_when_the_process_that_started_them_is_killed(kernel, tmp_path):
    elf = kernel("msp430")
    script = (f"import os, sys; sys.path.insert(0, {str(ROOT)!r})\n"
              f"from qemu.console import Console\n"
              f"c = Console('msp430', {str(elf)!r}, {str(tmp_path)!r}, 'orphan')\n"
              f"c.boot()\n"
              f"bridge = c.child.pid\n"
              f"mspdebug = open(f'/proc/{{bridge}}/task/{{bridge}}/children').read().split()\n"
              f"print(bridge, *mspdebug, flush=True)\n"
              f"os.kill(os.getpid(), 9)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == -9, result.stderr
    bridge, mspdebug = map(int, result.stdout.split())
    assert gone(bridge), f"bridge {bridge} outlived the process that started it"
    assert gone(mspdebug), f"mspdebug {mspdebug} outlived its bridge"


def test_input_that_ends_is_not_a_guest_status(kernel):
    status, code, output = launcher.run("msp430", kernel("msp430"), stdin_text="ticks\r", timeout=60)
    assert "ticks=" in output
    assert (status, code) == (None, 2)


def test_a_guest_exit_through_run(kernel):
    status, code, output = launcher.run("msp430", kernel("msp430"), stdin_text="exit 9\r", timeout=60)
    assert (status, code) == (9, 128 + 9) and "exit status=9" in output


@pytest.mark.parametrize("code, status", [(128, 0), (133, 5), (255, 127), (0, None), (1, None), (2, None),
                                          (3, None), (127, None), (-9, None)])
def test_only_codes_from_the_exit_breakpoint_are_statuses(code, status):
    assert profile("msp430").exit_status(code) == status


def test_the_profile_names_the_launcher_and_the_command_runs_the_bridge(tmp_path):
    argv = launcher.command("msp430", "k.elf", log=tmp_path / "log")
    assert profile("msp430").launcher == "mspdebug-sim"
    assert argv[1:4] == ["-m", "qemu.mspdebug_sim", "k.elf"] and argv[-2:] == ["--log", str(tmp_path / "log")]
    assert os.path.basename(argv[0]).startswith("python")


def test_debug_mode_is_mspdebugs_prompt_with_the_kernels_symbols(kernel):
    """`doit debug-msp430`: Debian has no MSP430 GDB, so the launcher hands over
    mspdebug's own prompt, kernel loaded: a breakpoint by symbol stops there."""
    import pexpect
    argv = launcher.command("msp430", kernel("msp430"), interactive=True, gdb=1234)
    child = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", timeout=30, preexec_fn=launcher.die_with_parent)
    try:
        child.expect(r"\(mspdebug\) ")
        child.sendline("setbreak kmain")
        child.expect(r"\(mspdebug\) ")
        child.sendline("run")
        child.expect(r"\( PC: 0*([0-9a-f]+)\)")
        assert int(child.match[1], 16) == Image(kernel("msp430")).symbols["kmain"].address
        child.expect(r"\(mspdebug\) ")
        child.sendeof()
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0


def test_a_timeout_shows_the_transcript_and_the_launchers_log(kernel, tmp_path):
    from qemu.console import Console, ConsoleError
    with Console("msp430", kernel("msp430"), tmp_path, "timeout", allow=["unexpected-vector"]) as console:
        console.boot()
        console.run("int 55")
        with pytest.raises(ConsoleError) as failure:
            console.expect("this never appears", timeout=0.5)
    message = str(failure.value)
    assert "int 55: returned" in message                                  # the transcript tail
    assert "request what=2 arg=7" in message                              # the launcher's log: the trigger


def test_ticks_advance_while_the_shell_waits_for_input(msp):
    """Between two `ticks` the guest waits at its prompt, in LPM0, for WAIT_TICKS
    periods of its own timer: the count advances with host time, neither frozen
    (a simulator held at a breakpoint until a line comes) nor ahead of the host's
    clock (a simulator left to step LPM0 as fast as it can, a host core spinning).
    At least a fifth of the periods must come: a loaded host may slow the simulator
    below the part's speed. At most as many as host time allows from before the first
    command to after the second, and three: the guest may be up to one period ahead
    when it reads its count, the commands' own code runs unheld, and a count of
    whole periods gains one at an edge."""
    started = time.monotonic()
    first, hz = ticks(msp)
    time.sleep(WAIT_TICKS / hz)
    second, _ = ticks(msp)
    elapsed = time.monotonic() - started
    advanced = second - first
    assert advanced >= WAIT_TICKS // 5, \
        f"{advanced} ticks in {elapsed:.2f}s at the prompt ({hz} Hz): time stood still while the shell waited"
    assert advanced <= elapsed * hz + 3, \
        f"{advanced} ticks in {elapsed:.2f}s at the prompt ({hz} Hz): guest time ran ahead of the host's"


def test_a_line_typed_during_a_sleep_arrives_whole_and_in_order(msp):
    """The longest line the shell takes, typed while it sleeps, reaches it through
    the mailbox (a fill each time the CPU is about to sleep, more than one for this
    line) and runs after the sleep with every byte in its place: a number whose
    digits are all 0 but the last two."""
    longest = int(re.search(r"at most (\d+) characters", msp.run("sleep " + "0" * 100))[1])
    line = "sleep " + "0" * (longest - len("sleep ") - 2) + "21"
    msp.send("sleep 300\r")
    msp.expect(r"sleep 300\r*\n")             # the shell took the Enter: the sleep begins
    msp.paste(line + "\r")
    msp.expect(r"slept ms=300 ticks=\d+")
    msp.expect(r"slept ms=21 ticks=\d+")
    msp.wait_prompt()
    assert "overrun" not in msp.transcript()


def test_ctrl_a_then_x_quit_when_typed_apart(msp):
    """Ctrl-A X, typed by hand, comes in two reads: the launcher holds a Ctrl-A
    back until the next key, instead of handing it to the guest at its next
    idle stop and leaving X a letter at the prompt."""
    _, hz = ticks(msp)
    msp.paste("\x01")
    time.sleep(2 / hz)          # two ticks of the guest's: an idle stop has come and gone
    msp.paste("x")
    assert msp.wait_ending().kind == "quit"
