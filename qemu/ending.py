"""Why a QEMU stopped, told only from evidence that cannot collide.

No exit code means one thing on every arch: x86_64's `exit 0` and QEMU's own
startup error both give 1; riscv64's `exit 0` and a reset under -no-reboot
both give 0; on Arm semihosting `exit 1` is QEMU's error code. So a guest
status is reported only when all of these agree:
- the guest said it: its own `exit status=N` line, the last thing it prints
  before it writes its exit device (kernel/shell.c, kernel/panic.c);
- QEMU's exit code is the one that device gives for N (Profile.exit_code);
- QEMU sent no SHUTDOWN event: exit devices call exit() directly, while a
  reset, a triple fault, a quit or a signal all go through a shutdown request,
  whose event names the reason (QMP, `SHUTDOWN` `reason`); or the event is
  the one the exit device itself gives, on a QEMU whose device requests a
  shutdown with the code (Profile.exit_event: riscv64's finisher on QEMU 10.0, not 7.2).
"""
import re
import signal
from dataclasses import dataclass

from qemu import bounds, int_log

GUEST_EXIT = re.compile(r"^exit status=(\d+)\r?$", re.M)
# cpu_abort(): QEMU prints this and aborts (SIGABRT). M-profile lockup in 7.2 is one.
QEMU_FATAL = re.compile(r"^qemu: fatal: (.*)$", re.M)
QEMU_ERROR = re.compile(r"^qemu(?:-system-\S+)?: .*$", re.M)    # x86_64's loader says just "qemu:"
# GDB's `kill` (its k or vKill packet) makes QEMU's gdbstub print this on
# stderr and end QEMU with exit code 0 (7.2: exit(0); later versions through a
# shutdown request): the user's choice, not an error of QEMU's.
GDB_KILL = re.compile(r"Terminated via GDBstub")

# QMP ShutdownCause values (qapi/run-state.json) and what each means here.
SHUTDOWN_KINDS = {
    "guest-reset": ("reset", "the guest reset the machine (QEMU stops instead: -no-reboot)"),
    "host-qmp-system-reset": ("reset", "QMP system_reset reset the machine (QEMU stops instead: -no-reboot)"),
    "guest-shutdown": ("shutdown", "the guest powered the machine off without an exit status"),
    "guest-panic": ("panic", "the guest reported a panic to QEMU"),
    "host-qmp-quit": ("quit", "QEMU was told to quit (QMP quit, or Ctrl-A X)"),
    "host-ui": ("quit", "QEMU's user interface closed it"),
    "host-signal": ("killed", "QEMU was stopped by a signal"),
    "host-error": ("error", "QEMU stopped on an error of its own"),
}


@dataclass(frozen=True)
class Ending:
    kind: str           # exit, reset, triple-fault, lockup, shutdown, panic, quit, gdb-kill, killed, error,
                        # qemu-fatal, input-ended (a launcher whose input ended), file-cap (qemu.bounds),
                        # console-flood (qemu.bounds.CappedTranscript), unexplained
    detail: str         # in words, as the user should read it
    status: int = None  # the guest's status, only when kind == "exit"
    returncode: int = None

    def __str__(self):
        return self.detail


def guest_status(serial_text):
    """The status of the last `exit status=N` line the guest printed, or None."""
    found = GUEST_EXIT.findall(serial_text or "")
    return int(found[-1]) if found else None


def classify(profile, returncode, serial_text="", shutdown_reason=None, qemu_log_text="", started=True):
    """The Ending of one QEMU run: its exit code (negative: killed by that
    signal), everything its serial port printed (QEMU's own error messages
    included, when they share the terminal), the QMP SHUTDOWN reason if one
    came, its -d log (which names a triple fault), and whether its QMP
    monitor ever answered (started=False: QEMU died while starting).
    Read the log from its tail (qemu.bounds.tail_text): it may be 64 MB."""
    if bounds.stopped_by_file_cap(returncode):
        return Ending("file-cap", int_log.file_cap_words(profile, qemu_log_text), returncode=returncode)
    fatal = QEMU_FATAL.findall(serial_text or "")
    if returncode == -signal.SIGABRT and fatal:
        if fatal[-1].startswith("Lockup"):
            return Ending("lockup", f"the CPU locked up (QEMU aborts on an M-profile lockup): {fatal[-1].strip()}",
                          returncode=returncode)
        return Ending("qemu-fatal", f"QEMU aborted: {fatal[-1].strip()}", returncode=returncode)
    if returncode is not None and returncode < 0:
        name = signal.Signals(-returncode).name
        return Ending("killed", f"QEMU was killed by {name} before the guest chose a status", returncode=returncode)
    if GDB_KILL.search(serial_text or ""):
        return Ending("gdb-kill", f"GDB killed the guest (`kill` in GDB ends QEMU); exit code {returncode}",
                      returncode=returncode)
    own = profile.launcher_ending(returncode) if returncode is not None else None
    if own is not None:
        kind, words = own
        return Ending(kind, f"{words}; exit code {returncode}", returncode=returncode)
    said = guest_status(serial_text)
    if (shutdown_reason is not None and said is not None and shutdown_reason == profile.exit_event(said)
            and returncode == profile.exit_code(said)):
        return Ending("exit", f"guest exited with status {said}", status=said, returncode=returncode)
    if shutdown_reason is not None:
        kind, words = SHUTDOWN_KINDS.get(shutdown_reason, ("unexplained", f"QEMU shut down ({shutdown_reason})"))
        if kind == "reset" and "Triple fault" in (qemu_log_text or ""):
            kind, words = "triple-fault", "the guest triple-faulted, which resets an x86 machine (-no-reboot: QEMU stops)"
        return Ending(kind, f"{words}; exit code {returncode}", returncode=returncode)
    if said is not None and profile.exit_code(said) is None:
        return Ending("unexplained", f"the guest printed `exit status={said}`, but this machine has no exit "
                                     f"device: QEMU's exit code {returncode} is not the guest's", returncode=returncode)
    if said is not None and returncode == profile.exit_code(said):
        return Ending("exit", f"guest exited with status {said}", status=said, returncode=returncode)
    if said is not None:
        return Ending("unexplained", f"the guest printed `exit status={said}`, but QEMU exited with code "
                                     f"{returncode}, not the {profile.exit_code(said)} that its exit device gives",
                      returncode=returncode)
    errors = QEMU_ERROR.findall(serial_text or "")
    if errors or not started:
        said = errors[-1].strip() if errors else "(it printed nothing)"
        when = "failed to start" if not started else "failed"
        return Ending("error", f"QEMU {when} with exit code {returncode}: {said}", returncode=returncode)
    return Ending("unexplained", f"QEMU exited with code {returncode} and the guest chose no status "
                                 f"(no `exit status=N` line, no shutdown event)", returncode=returncode)
