"""`doit boot-<arch>` and `debug-<arch>`: QEMU on the user's terminal, tied to doit.

doit runs this as a Python action, so QEMU is doit's own child and gets
SIGTERM from the host kernel when doit dies, however it dies (kill -9
included): no QEMU outlives it to hold the terminal or GDB's port. SIGTERM
rather than SIGKILL, so that QEMU puts the terminal back as it found it.
The serial port runs with signal=off: Ctrl-C is a byte for the guest.
The task ends with how the guest ended, in words (qemu/ending.py), and
succeeds only for `exit 0` or a quit the user asked for.
"""
import signal
import subprocess
from pathlib import Path

from doit.exceptions import TaskFailed

from qemu.ending import classify
from qemu.launcher import command, tied_to_this_process
from qemu.monitor import QMP_FAILURES, Monitor, NoMonitor
from qemu.profiles import profile

QUIT_KEYS = "Ctrl-A X quits QEMU (Ctrl-A C: its monitor); Ctrl-C goes to the guest"


def run_on_terminal(arch, elf, run_dir, gdb=None):
    """Boot elf with the serial port on this terminal; the doit action's result."""
    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    serial_log, stderr_log = run_dir / "serial.log", run_dir / "qemu.stderr"
    monitor = Monitor() if profile(arch).launcher == "qemu" else NoMonitor()
    argv = command(arch, elf, interactive=True, gdb=gdb, monitor=monitor, serial_log=serial_log)
    with open(stderr_log, "w") as stderr:
        qemu = subprocess.Popen(argv, stderr=stderr, pass_fds=monitor.pass_fds(),
                                preexec_fn=tied_to_this_process(signal.SIGTERM))
        try:
            try:
                started = bool(monitor.connect())
            except QMP_FAILURES:
                started = False          # QEMU did not start: its stderr says why
            returncode = qemu.wait()
        finally:
            if qemu.poll() is None:      # an exception in doit itself: do not leave QEMU behind
                qemu.terminate()
                qemu.wait()
    said = stderr_log.read_text(errors="replace")
    serial = serial_log.read_text(errors="replace") if serial_log.exists() else ""
    ending = classify(profile(arch), returncode, serial + said, monitor.shutdown_reason(), started=started)
    monitor.close()
    print(f"\n{arch}: {ending}")
    if said.strip():
        print(f"QEMU said: {said.strip()}")
    if (ending.kind, ending.status) == ("exit", 0) or ending.kind == "quit":
        return True
    return TaskFailed(str(ending))
