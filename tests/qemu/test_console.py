"""The console wrapper's promises: no orphan QEMU, and failures that explain themselves."""
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from qemu import boot_record
from qemu.console import Console, ConsoleError
from tests.conftest import ROOT, fail_if_it_did_not_boot
from reports import cost
from tools import toolchain


@pytest.fixture(autouse=True)
def _x86_64_boots():
    """These tests start their own Console: a kernel known not to boot fails them at once."""
    fail_if_it_did_not_boot("x86_64")


def gone(pid, within=10.0):
    """True once pid has exited (absent, or a zombie waiting for its new parent to reap it)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        stat = Path(f"/proc/{pid}/stat")
        try:
            state = stat.read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state == "Z":
            return True
        time.sleep(0.05)
    return False


def test_qemu_dies_when_the_process_that_started_it_is_killed(x86_64_kernel, tmp_path):
    """SIGKILL leaves no teardown to run: PR_SET_PDEATHSIG must take QEMU down."""
    script = (f"import os, sys; sys.path.insert(0, {str(ROOT)!r})\n"
              f"from qemu.console import Console\n"
              f"c = Console('x86_64', {str(x86_64_kernel)!r}, {str(tmp_path)!r}, 'orphan')\n"
              f"c.boot()\n"
              f"print(c.child.pid, flush=True)\n"
              f"os.kill(os.getpid(), 9)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == -9, result.stderr
    qemu_pid = int(result.stdout.strip())
    assert gone(qemu_pid), f"QEMU {qemu_pid} outlived the process that started it"


def test_close_kills_a_running_guest(x86_64_kernel, tmp_path):
    console = Console("x86_64", x86_64_kernel, tmp_path, "close")
    console.boot()
    pid = console.child.pid
    console.close()
    assert gone(pid)


def test_a_timeout_shows_the_transcript_and_the_last_interrupts(x86_64_kernel, tmp_path):
    with Console("x86_64", x86_64_kernel, tmp_path, "timeout") as console:
        console.boot()
        console.run("trap pf")
        with pytest.raises(ConsoleError) as failure:
            console.expect("this never appears", timeout=0.5)
    message = str(failure.value)
    assert "timed out after 0.5s waiting for 'this never appears'" in message
    assert "trap pf: recovered" in message                    # the transcript tail
    assert "v=0e" in message                                  # QEMU's log of the #PF
    assert "at raise_pf_read+0x" in message and "kernel/x86_64/traps.c:" in message
    assert (tmp_path / "timeout.transcript").exists() and (tmp_path / "timeout.qemu.log").exists()


def test_unexpected_exit_is_reported_with_the_guest_status(x86_64_kernel, tmp_path):
    with Console("x86_64", x86_64_kernel, tmp_path, "exit") as console:
        console.boot()
        console.send("exit 9\r")
        with pytest.raises(ConsoleError) as failure:
            console.expect("never")
    assert "QEMU exited (guest exited with status 9)" in str(failure.value)


@pytest.fixture
def a_run_where_x86_64_did_not_boot(monkeypatch):
    """A run of its own (not this one: that would fail every x86_64 test) in which
    the x86_64 kernel's first boot failed."""
    run = f"no-boot-{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv(boot_record.RUN_ENV, run)
    boot_record.remember_failure("x86_64", toolchain.kernel_elf("x86_64"), None,
                                 "timed out after 15s waiting for 'x86_64> '")
    yield
    shutil.rmtree(toolchain.build_dir("x86_64") / "runs" / run)


def test_every_way_of_booting_fails_at_once_after_a_failed_boot(x86_64_kernel, tmp_path,
                                                                 a_run_where_x86_64_did_not_boot):
    """Console.boot and reports.cost read the run's record before they wait for a
    prompt; the fixtures and the tests that boot through GDB or doit read it
    through tests.conftest.fail_if_it_did_not_boot."""
    first = "First diagnosis, from tests/qemu/test_console.py::test_every_way_of_booting_fails_at_once"
    with Console("x86_64", x86_64_kernel, tmp_path, "known") as console:
        with pytest.raises(ConsoleError) as failure:
            console.boot()
    assert str(failure.value).startswith("the x86_64 kernel did not boot earlier in this run; not booting it again")
    assert first in str(failure.value) and "waiting for 'x86_64> '" in str(failure.value)
    with pytest.raises(cost.CostError, match="x86_64: the x86_64 kernel did not boot earlier in this run"):
        cost.session("x86_64", x86_64_kernel, ["ticks"], tmp_path / "cost")
    another_kernel = re.escape(f"not booting {tmp_path / 'variant.elf'} on x86_64 again")
    with pytest.raises(pytest.fail.Exception, match=another_kernel):
        fail_if_it_did_not_boot("x86_64", tmp_path / "variant.elf")
