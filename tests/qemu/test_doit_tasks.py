"""`doit boot-<arch>` and `debug-<arch>` as a user runs them: QEMU dies with
doit however doit dies, and the task ends with the guest's status in words."""
import os
import signal
import socket
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pexpect
import pytest

from isr import arches
from qemu.profiles import profile
from tests.build_lock import LOCK_PATH, acquire
from tests.conftest import ROOT
from tests.qemu.test_console import gone
from tests.qemu.test_debug import wait_listening


@contextmanager
def build_lock():
    """doit boot-<arch> runs check-<arch> first: not while a worker builds."""
    fd = os.open(LOCK_PATH, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        acquire(fd, "pytest running doit boot")
        yield
    finally:
        os.close(fd)


def children(pid):
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


@pytest.fixture
def doit(boot_console, kernel):
    """doit(task, arch) -> doit TASK-ARCH on a pty, at the guest's prompt, and QEMU's pid.

    The kernel boots once under the console first: if it cannot, the test fails
    at once with that diagnosis (and later ones with the first), instead of
    waiting for a prompt through doit."""
    def start(task, arch, args=()):
        boot_console(arch, kernel(arch)).close()
        return _doit(task, arch, args)
    return start


def _doit(task, arch, args=()):
    with build_lock():
        # doit's own check task is a no-op here (the kernel fixture built it): a
        # boot that takes 0.1 s under pytest gets 20 s before it is called hung.
        child = pexpect.spawn(sys.executable, ["-m", "doit", f"{task}-{arch}", *args], cwd=str(ROOT),
                              encoding="utf-8", timeout=20, dimensions=(50, 200))
        if task == "debug":
            child.expect("Ctrl-C goes to the guest")
            return child, None
        child.expect(f"{arch}> ")
    qemu = [pid for pid in children(child.pid) if "qemu" in Path(f"/proc/{pid}/cmdline").read_text()]
    assert len(qemu) == 1, f"doit's children: {children(child.pid)}"
    return child, qemu[0]


@pytest.mark.parametrize("arch, line, words, code", [
    ("x86_64", "exit 0", "guest exited with status 0", 0),
    ("x86_64", "exit 3", "guest exited with status 3", 1),
    ("arm32", "exit 1", "guest exited with status 1", 1),     # 1: QEMU's own error code elsewhere
    ("avr", "exit 0", "guest exited with status 0", 0),       # no exit device: read where it parks
    ("msp430", "exit 3", "guest exited with status 3", 1),    # not QEMU: mspdebug's bridge
])
def test_boot_task_ends_with_the_guest_status_in_words(kernel, doit, arch, line, words, code):
    child, _ = doit("boot", arch)
    child.send("\x03")                   # Ctrl-C goes to the guest, which drops the line
    child.expect(r"\^C")
    child.send(line + "\r")
    child.expect(pexpect.EOF)
    child.close()
    assert words in child.before
    assert child.exitstatus == code, child.before
    assert "returned" not in child.before       # no `Command returned 7` for status 3


@pytest.mark.parametrize("arch", arches.names())
def test_keys_sent_before_the_kernel_is_up_reach_its_shell(kernel, boot_console, arch):
    """`printf 'ticks\\nexit 3\\n' | doit boot-<arch>`: the lines are there before the
    UART is set up. Each arch keeps them (kernel/<arch>'s UART start takes what
    waits there) instead of losing the first key (the 16550s' FIFO reset), or
    every key from then on (a PL011 byte whose interrupt was cleared, an AVR
    receiver that QEMU's multiplexer never feeds)."""
    boot_console(arch, kernel(arch)).close()        # a kernel that cannot boot fails here, with why
    with build_lock():
        try:
            ran = subprocess.run([sys.executable, "-m", "doit", f"boot-{arch}"], cwd=ROOT, input="ticks\nexit 3\n",
                                 capture_output=True, text=True, timeout=30)
        except subprocess.TimeoutExpired as hung:
            out = (hung.stdout or b"").decode(errors="replace") if isinstance(hung.stdout, bytes) else hung.stdout or ""
            pytest.fail(f"{arch}: the guest never ran the lines sent before it was up; the console's "
                        f"tail:\n{out[-1500:]}", pytrace=False)
    said = ran.stdout + ran.stderr
    assert "ticks=" in said and "guest exited with status 3" in said, \
        f"{arch}: expected the guest's ticks line and 'guest exited with status 3'; the console's tail:\n{said[-1500:]}"


@pytest.mark.parametrize("arch", ["x86_64", "msp430"])
def test_boot_task_names_what_runs_the_kernel_and_how_to_quit(kernel, doit, arch):
    child, _ = doit("boot", arch)
    emulator, quit_keys = profile(arch).emulator, profile(arch).quit_keys
    assert f"Booting {arch} under {emulator}: type help. {quit_keys}." in child.before
    child.send("\x01x")                   # Ctrl-A X, as the banner says
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before


def test_boot_task_says_a_reset_is_not_a_status(kernel, doit):
    kernel("riscv64")
    child, _ = doit("boot", "riscv64")
    child.send("reset\r")
    child.expect(pexpect.EOF)
    child.close()
    assert "the guest reset the machine" in child.before and child.exitstatus == 1


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_qemu_dies_with_the_boot_task(kernel, doit, sig):
    kernel("x86_64")
    child, qemu = doit("boot", "x86_64")
    child.kill(sig)
    assert gone(qemu), f"QEMU {qemu} outlived doit killed by {sig.name}"
    child.close(force=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_killed_debug_task_frees_its_gdb_port(kernel, doit):
    """An orphaned debug QEMU would hold the port, and the next debug task fail."""
    kernel("x86_64")
    port = free_port()
    for _ in range(2):
        child, _ = doit("debug", "x86_64", args=["--port", str(port)])
        wait_listening(port)
        qemu = [p for p in children(child.pid) if "qemu-system" in Path(f"/proc/{p}/cmdline").read_text()]
        child.kill(signal.SIGKILL)
        assert qemu and all(gone(p) for p in qemu)
        child.close(force=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))              # free again
