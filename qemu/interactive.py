"""`doit boot-<arch>` and `debug-<arch>`: QEMU on the user's terminal, tied to doit.

doit runs this as a Python action, so QEMU is doit's own child and gets
SIGTERM from the host kernel when doit dies, however it dies (kill -9
included): no QEMU outlives it to hold the terminal or GDB's port. SIGTERM
rather than SIGKILL, so that QEMU puts the terminal back as it found it.
The serial port runs with signal=off: Ctrl-C is a byte for the guest.
The task ends with how the guest ended, in words (qemu/ending.py), and
succeeds only for `exit 0` or an end the user asked for: a quit (Ctrl-A X),
or GDB's `kill` under debug-<arch>.
"""
import signal
import subprocess
from pathlib import Path
from types import SimpleNamespace

from doit.exceptions import TaskFailed

from qemu.bounds import tail_text
from qemu.ending import Ending, classify, guest_status
from qemu.launcher import command, tied_to_this_process
from qemu.monitor import QMP_FAILURES, Monitor, NoMonitor
from qemu.park import registers
from qemu.profiles import profile
from tools.elf_symbols import Image

POLL = 0.2      # seconds between looks at a parking guest's serial log (avr)


def wait_parked(qemu, monitor, serial_log, elf, parked):
    """A machine with no exit device (avr): once the guest has printed its
    `exit status=N` line, check over QMP that it parked at the symbol, take
    the register and quit QEMU. Returns (QEMU's exit code, status or None)."""
    symbol, register = parked
    address = Image(elf).symbols[symbol].address
    qmp = SimpleNamespace(cmd=monitor.command)          # what qemu/park.py's registers() calls
    while True:
        try:
            return qemu.wait(timeout=POLL), None
        except subprocess.TimeoutExpired:
            pass
        if guest_status(tail_text(serial_log)) is None:
            continue
        try:
            monitor.command("stop")
            state = registers(qmp)
            if state["pc"] == address:
                monitor.command("quit")
                return qemu.wait(), state[register]
            monitor.command("cont")
        except QMP_FAILURES:
            return qemu.wait(), None


def run_on_terminal(arch, elf, run_dir, gdb=None):
    """Boot elf in its emulator with the serial port on this terminal; the doit
    action's result (boards/terminal.py boot_on_terminal picks a board instead)."""
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
                started = monitor.connect() is not None
            except QMP_FAILURES:
                started = False          # QEMU did not start: its stderr says why
            parked = None
            if profile(arch).parked and started:
                returncode, parked = wait_parked(qemu, monitor, serial_log, elf, profile(arch).parked)
            else:
                returncode = qemu.wait()
        finally:
            if qemu.poll() is None:      # an exception in doit itself: do not leave QEMU behind
                qemu.terminate()
                qemu.wait()
    said = tail_text(stderr_log)
    serial = tail_text(serial_log)
    ending = classify(profile(arch), returncode, serial + said, monitor.shutdown_reason(), started=started)
    status = profile(arch).exit_status(returncode)
    if parked is not None and parked == guest_status(serial):
        ending = Ending("exit", f"guest exited with status {parked}", status=parked, returncode=returncode)
    elif not serial_log.exists() and ending.kind == "unexplained" and status is not None:
        # A launcher that is not QEMU (msp430's bridge) keeps no serial log; its
        # 128 + N never meets its own failures (below 128), so the code alone says it.
        ending = Ending("exit", f"guest exited with status {status}", status=status, returncode=returncode)
    monitor.close()
    print(f"\n{arch}: {ending}")
    if said.strip():
        print(f"QEMU said: {said.strip()}")
    if (ending.kind, ending.status) == ("exit", 0) or ending.kind in ("quit", "gdb-kill"):
        return True
    return TaskFailed(str(ending))
