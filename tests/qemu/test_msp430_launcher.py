"""The mspdebug launcher's promises: no process outlives its parent, and no ending but the
guest's own `exit N` reads as a guest status."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qemu import launcher
from qemu.profiles import profile
from tests.conftest import ROOT
from tools.elf_symbols import Image


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
