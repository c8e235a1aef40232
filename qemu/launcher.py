"""Build QEMU command lines and run a guest to completion.

Every QEMU started here is tied to its parent: it gets SIGKILL when the
process that started it dies (PR_SET_PDEATHSIG), whatever kills that.
"""
import ctypes
import signal
import socket
import subprocess
import sys
from pathlib import Path

from qemu.profiles import profile

PR_SET_PDEATHSIG = 1


def die_with_parent():
    """preexec_fn for children: the kernel sends SIGKILL when our process dies."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def command(arch, elf, *, interactive=False, gdb=False, log=None, variant=None, qmp=None):
    """The QEMU argv for booting elf.

    interactive: serial and monitor multiplexed on the terminal (Ctrl-A X quits).
    gdb: a TCP port: start halted, with a GDB server on 127.0.0.1 at that port.
    log: file for `-d int,cpu_reset` (every interrupt taken, every reset).
    variant: one of the profile's other machine setups (e.g. aarch64 "el2").
    qmp: a Unix socket path where QEMU serves QMP (qemu/park.py reads a parked guest's status there).
    """
    p = profile(arch)
    if p.launcher == "mspdebug-sim":
        # Not QEMU: a bridge with the same shape (its stdio is the console,
        # its exit code carries the guest's status) that drives mspdebug.
        argv = [sys.executable, "-m", "qemu.mspdebug_sim", str(elf)]
        if gdb:
            argv += ["--gdb", str(gdb)]
        if log:
            argv += ["--log", str(log)]
        return argv
    argv = [p.binary, "-accel", p.accel] + p.machine_for(variant) + ["-no-reboot", p.load, str(elf)]
    # signal=off: Ctrl-C goes to the guest (it cancels a line or a sleep)
    # instead of killing QEMU; interactively, Ctrl-A X still quits.
    if interactive:
        argv += ["-display", "none", "-chardev", "stdio,id=console,mux=on,signal=off",
                 "-serial", "chardev:console", "-mon", "chardev=console"]
    else:
        argv += ["-display", "none", "-chardev", "stdio,id=console,signal=off",
                 "-serial", "chardev:console", "-monitor", "none"]
    if gdb:
        argv += ["-gdb", f"tcp:127.0.0.1:{gdb}", "-S"]
    if log:
        argv += ["-d", "int,cpu_reset", "-D", str(log)]
    if qmp:
        argv += ["-qmp", f"unix:{qmp},server=on,wait=off"]
    return argv


def run(arch, elf, *, stdin_text="", timeout=30, log=None):
    """Boot elf, feed stdin_text to the serial port, wait for the guest to stop.

    Returns (guest status or None, QEMU exit code, serial output).
    """
    if profile(arch).parked:     # QEMU would never stop by itself: say so rather than time out
        raise ValueError(f"{arch} has no exit device: its guest parks instead of stopping QEMU; boot it "
                         f"with qemu.console.Console, whose wait_exit reads the status (qemu/park.py)")
    argv = command(arch, elf, log=log)
    proc = subprocess.run(argv, input=stdin_text.encode(), capture_output=True, timeout=timeout,
                          preexec_fn=die_with_parent)
    return profile(arch).exit_status(proc.returncode), proc.returncode, proc.stdout.decode(errors="replace")


def gdb_script(arch, elf, path, port):
    """Write a GDB script that sets the arch up, loads the kernel's symbols and
    attaches to QEMU's GDB server."""
    setup = "".join(f"{line}\n" for line in profile(arch).gdb_setup)
    # No "--Type <RET> for more" in the middle of `info registers` or a long `bt`.
    Path(path).write_text(f"set pagination off\n{setup}file {Path(elf).resolve()}\n"
                          f"target remote 127.0.0.1:{port}\n")


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now (for QEMU's GDB server)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
