"""Build QEMU command lines and run a guest to completion.

Every QEMU started here is tied to its parent: it gets SIGKILL when the
process that started it dies (PR_SET_PDEATHSIG), whatever kills that; and
bounded: no file it writes grows past qemu.bounds.EMULATOR_FILE_CAP.
"""
import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from qemu import bounds
from qemu.ending import classify
from qemu.profiles import profile

PR_SET_PDEATHSIG = 1


def die_with_parent(cap=bounds.EMULATOR_FILE_CAP):
    """preexec_fn for emulators: the kernel sends SIGKILL when our process dies,
    and no file the emulator writes grows past cap (qemu.bounds.limit_files)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    bounds.limit_files(cap)


def tied_to_this_process(sig=signal.SIGKILL):
    """A preexec_fn: the child gets sig when this process dies, even if it
    died between fork and prctl (then the child's parent is already another
    process, and the child exits at once)."""
    parent = os.getpid()

    def preexec():
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, sig)
        if os.getppid() != parent:
            os._exit(1)
        bounds.limit_files()
    return preexec


def command(arch, elf, *, interactive=False, gdb=False, log=None, variant=None, monitor=None,
            icount=None, serial_log=None, qmp=None):
    """The QEMU argv for booting elf.

    interactive: serial and monitor multiplexed on the terminal (Ctrl-A X quits).
    gdb: a TCP port: start halted, with a GDB server on 127.0.0.1 at that port.
    log: file for `-d int,cpu_reset` (every interrupt taken, every reset).
    variant: one of the profile's other machine setups (e.g. aarch64 "el2").
    monitor: a qemu.monitor.Monitor whose socket becomes QEMU's QMP monitor.
    icount: a shift N: guest time from the instruction count (2**N ns each)
        while the guest runs, host time while it idles (sleep=on: an idle
        guest under sleep=off jumps from timer to timer and spins a host core
        while it waits for input).
    serial_log: a file that QEMU fills with everything the guest prints.
    qmp: a Unix socket path where QEMU serves QMP too (qemu/park.py reads a parked guest's status there).
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
    # The serial port on our stdio with signal=off: the terminal passes Ctrl-C
    # (0x03) and Ctrl-\ (0x1c) to the guest as bytes instead of turning them
    # into SIGINT/SIGQUIT for QEMU, which `-serial stdio` and -nographic do.
    serial = "stdio,id=serial0,signal=off"
    if serial_log:
        serial += f",logfile={serial_log},logappend=off"
    if interactive:
        # mux: the monitor shares the terminal behind Ctrl-A, as with -nographic.
        argv += ["-display", "none", "-chardev", serial + ",mux=on", "-serial", "chardev:serial0",
                 "-mon", "chardev=serial0,mode=readline"]
    else:
        argv += ["-display", "none", "-chardev", serial, "-serial", "chardev:serial0"]
        if monitor is None:
            argv += ["-monitor", "none"]
    if monitor is not None:
        argv += monitor.argv()
    if icount is not None:
        argv += ["-icount", f"shift={icount},align=off,sleep=on"]
    if gdb:
        argv += ["-gdb", f"tcp:127.0.0.1:{gdb}", "-S"]
    if log:
        argv += ["-d", "int,cpu_reset", "-D", str(log)]
    if qmp:
        argv += ["-qmp", f"unix:{qmp},server=on,wait=off"]
    return argv


def run(arch, elf, *, stdin_text="", timeout=30, log=None):
    """Boot elf, feed stdin_text to the serial port, wait for the guest to stop.

    Returns (guest status or None, QEMU exit code, serial output); the status
    only when the guest chose it (qemu.ending.classify).
    """
    if profile(arch).parked:     # QEMU would never stop by itself: say so rather than time out
        raise ValueError(f"{arch} has no exit device: its guest parks instead of stopping QEMU; boot it "
                         f"with qemu.console.Console, whose wait_exit reads the status (qemu/park.py)")
    argv = command(arch, elf, log=log)
    # Its output goes to files, not pipes, so that the file cap bounds it too.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.run(argv, input=stdin_text.encode(), stdout=out, stderr=err,
                              timeout=timeout, preexec_fn=die_with_parent)
        output, said = (read_back(f) for f in (out, err))
    ending = classify(profile(arch), proc.returncode, output + said,
                      qemu_log_text=bounds.tail_text(log) if log else "")
    return ending.status, proc.returncode, output


def read_back(file):
    """All that an emulator wrote to a temporary file, as text."""
    file.seek(0)
    return file.read().decode(errors="replace")


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
