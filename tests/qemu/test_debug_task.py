"""`doit debug-<arch> [--port N]`: QEMU halted on a free (or the given) port, and the printed GDB command attaches."""
import fcntl
import os
import signal
import subprocess
import sys

import pexpect
import pytest

from qemu.launcher import free_port
from qemu.profiles import profile
from tools import toolchain

ROOT = toolchain.ROOT


def debug_task(arch, *options):
    """Start `doit debug-<arch>`; return (its pexpect child, the port and GDB command it printed)."""
    with open(ROOT / "build" / ".build.lock", "w") as lock:      # doit's state is shared with the builds
        fcntl.flock(lock, fcntl.LOCK_EX)
        child = pexpect.spawn(sys.executable, ["-m", "doit", f"debug-{arch}", *options], cwd=str(ROOT),
                              encoding="utf-8", timeout=120)
        child.expect(r"QEMU waits for GDB on 127\.0\.0\.1:(\d+)\. In another terminal: (\S+) -x (\S+)\r?\n")
    return child, int(child.match[1]), child.match[2], child.match[3]


def attach(gdb, script):
    result = subprocess.run([gdb, "-batch", "-nx", "-x", script, "-ex", "break kmain", "-ex", "continue",
                             "-ex", "backtrace 1"], capture_output=True, text=True, timeout=60)
    return result.stdout + result.stderr


# Arches whose debug task has no GDB (msp430: mspdebug's own prompt) say so instead.
@pytest.mark.parametrize("arch", [a for a in toolchain.TARGETS if not profile(a).debug_banner])
def test_debug_task_waits_on_a_free_port_and_gdb_attaches(kernel, arch):
    kernel(arch)
    child, port, gdb, script = debug_task(arch)
    try:
        assert gdb == profile(arch).gdb
        assert f"target remote 127.0.0.1:{port}" in open(script).read()
        assert "#0  kmain () at" in attach(gdb, script)
    finally:
        os.killpg(child.pid, signal.SIGKILL)        # doit and the QEMU it started share the pty's group
        child.close(force=True)


def test_debug_task_takes_the_port_it_is_given(kernel):
    kernel("riscv64")
    wanted = free_port()
    child, port, gdb, script = debug_task("riscv64", "--port", str(wanted))
    try:
        assert port == wanted
        assert "#0  kmain () at" in attach(gdb, script)
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.close(force=True)


def test_gdb_kill_ends_the_task_in_words_and_it_succeeds(kernel):
    """`kill` in GDB ends QEMU with exit code 0: before, the task failed with
    `TaskFailed ... QEMU failed with exit code 0`."""
    arch = "riscv64"
    kernel(arch)
    child, port, gdb, script = debug_task(arch)
    try:
        said = subprocess.run([gdb, "-batch", "-nx", "-x", script, "-ex", "break kmain", "-ex", "continue",
                               "-ex", "kill"], capture_output=True, text=True, timeout=60)
        assert said.returncode == 0, said.stdout + said.stderr
        child.expect(rf"{arch}: GDB killed the guest \(`kill` in GDB ends QEMU\); exit code 0\r?\n")
        child.expect(pexpect.EOF)
        rest = child.before
        child.close()
        assert "TaskFailed" not in rest and "QEMU failed" not in rest, rest
        assert child.exitstatus == 0, rest
    finally:
        if child.isalive():
            os.killpg(child.pid, signal.SIGKILL)
            child.close(force=True)
