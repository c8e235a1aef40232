"""Build QEMU command lines and run a guest to completion.

Every QEMU started here is tied to its parent: it gets SIGKILL when the
process that started it dies (PR_SET_PDEATHSIG), whatever kills that.
"""
import ctypes
import signal
import subprocess
from pathlib import Path

from qemu.profiles import profile

PR_SET_PDEATHSIG = 1


def die_with_parent():
    """preexec_fn for children: the kernel sends SIGKILL when our process dies."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def command(arch, elf, *, interactive=False, gdb=False, log=None):
    """The QEMU argv for booting elf.

    interactive: serial and monitor multiplexed on the terminal (Ctrl-A X quits).
    gdb: start halted, with a GDB server on localhost:1234.
    log: file for `-d int,cpu_reset` (every interrupt taken, every reset).
    """
    p = profile(arch)
    argv = [p.binary, "-accel", p.accel] + p.machine + ["-no-reboot", "-kernel", str(elf)]
    if interactive:
        argv += ["-nographic"]
    else:
        argv += ["-display", "none", "-serial", "stdio", "-monitor", "none"]
    if gdb:
        argv += ["-s", "-S"]
    if log:
        argv += ["-d", "int,cpu_reset", "-D", str(log)]
    return argv


def run(arch, elf, *, stdin_text="", timeout=30, log=None):
    """Boot elf, feed stdin_text to the serial port, wait for the guest to stop.

    Returns (guest status or None, QEMU exit code, serial output).
    """
    argv = command(arch, elf, log=log)
    proc = subprocess.run(argv, input=stdin_text.encode(), capture_output=True, timeout=timeout,
                          preexec_fn=die_with_parent)
    return profile(arch).exit_status(proc.returncode), proc.returncode, proc.stdout.decode(errors="replace")


def gdb_script(elf, path):
    """Write a GDB script that loads the kernel's symbols and attaches to QEMU."""
    Path(path).write_text(f"file {Path(elf).resolve()}\n"
                          "set disassembly-flavor att\n"
                          "target remote localhost:1234\n")
    # Nothing returned: doit takes a python-action's return value as its verdict.
