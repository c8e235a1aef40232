"""A pexpect wrapper around one QEMU guest's serial console.

The console owns the QEMU process: close() kills it, and so does the death of
the test process (see qemu.launcher.die_with_parent). Every session keeps a
transcript and QEMU's interrupt log; a failed expectation raises an error that
shows the transcript tail and what the log says happened last.
"""
import json
import re
import tempfile
import time
from pathlib import Path

import pexpect

from qemu.launcher import command, die_with_parent
from qemu.park import parked_status
from qemu.profiles import profile
from tools.symbolize import Symbolizer

TRANSCRIPT_TAIL = 2000
RX_RING_BYTES = 256     # kernel/console.c RX_RING_SIZE: input the guest holds before the shell reads it


class ConsoleError(AssertionError):
    pass


def log_summary(profile, log_path, elf=None, lines=6):
    """The last exceptions and resets that QEMU's -d log recorded, routine interrupts left
    out, each interrupted PC named by function and source line when elf is given."""
    path = Path(log_path)
    if not path.exists():
        return "(no QEMU log)"
    events = [line.strip() for line in path.read_text(errors="replace").splitlines()
              if re.search(profile.log_events, line)]
    notable = [line for line in events if not re.search(profile.log_noise, line)]
    routine = len(events) - len(notable)
    notable = notable[-lines:]
    if elf and notable:
        symbolizer = Symbolizer(elf)

        def named(line):
            pc = re.search(profile.log_pc, line)
            return f"{line}\n    at {symbolizer.describe(int(pc[1], 16))}" if pc else line
        notable = [named(line) for line in notable]
    return "\n".join(notable + [f"({routine} routine interrupts not shown)"])


class Console:
    def __init__(self, arch, elf, run_dir, name, timeout=15, interrupt_log=True, variant=None):
        self.profile = profile(arch)
        run_dir = Path(run_dir)
        run_dir.mkdir(parents=True, exist_ok=True)
        self.transcript_path = run_dir / f"{name}.transcript"
        self.log_path = run_dir / f"{name}.qemu.log"
        self.timeout = timeout
        self.elf = elf
        self._transcript = open(self.transcript_path, "w", encoding="utf-8")
        # A machine with no exit device gets a QMP socket to read the parked guest's status.
        self.qmp_path = None
        if self.profile.parked:
            self._qmp_dir = tempfile.TemporaryDirectory(prefix="qmp-")    # short: a socket path has 107 bytes
            self.qmp_path = Path(self._qmp_dir.name) / "qmp.sock"
        argv = command(arch, elf, log=self.log_path if interrupt_log else None, variant=variant, qmp=self.qmp_path)
        # For `doit replay`: the exact command line, and what was typed, apart from what the guest said.
        (run_dir / f"{name}.argv.json").write_text(json.dumps(argv) + "\n")
        self._typed = open(run_dir / f"{name}.typed", "w", encoding="utf-8", newline="")
        self.child = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", codec_errors="replace",
                                   timeout=timeout, logfile=self._transcript, echo=False,
                                   preexec_fn=die_with_parent, dimensions=(50, 200))
        self.child.logfile_send = self._typed

    # -- expectations -------------------------------------------------------
    def _fail(self, what):
        self._transcript.flush()
        tail = self.transcript_path.read_text(errors="replace")[-TRANSCRIPT_TAIL:]
        raise ConsoleError(f"{what}\n--- transcript tail ({self.transcript_path}) ---\n{tail}\n"
                           f"--- QEMU log ({self.log_path}) ---\n{log_summary(self.profile, self.log_path, self.elf)}")

    def expect(self, pattern, timeout=None):
        """Wait for a regex; return its match object."""
        try:
            self.child.expect(pattern, timeout=timeout or self.timeout)
        except pexpect.TIMEOUT:
            self._fail(f"timed out after {timeout or self.timeout}s waiting for {pattern!r}")
        except pexpect.EOF:
            self._fail(f"QEMU exited (status {self.wait_exit(1)}) while waiting for {pattern!r}")
        return self.child.match

    def wait_prompt(self, timeout=None):
        """Everything printed before the next prompt."""
        self.expect(re.escape(self.profile.prompt), timeout)
        return self.child.before

    def send(self, text):
        """Type text as a user does: one line at a time, each after the prompt that
        answers the line before. The guest buffers RX_RING_BYTES of typed-ahead
        input and reports an overrun past that; a line is far shorter, so typed
        input never overruns by accident. paste() sends all at once."""
        parts = text.split("\r")
        pieces = [part + "\r" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
        for i, piece in enumerate(pieces):
            if len(piece.encode()) > RX_RING_BYTES:
                raise ValueError(f"a line of {len(piece)} characters could overrun the guest's receive "
                                 f"buffer ({RX_RING_BYTES} bytes); paste() it if that is the point")
            if i:
                self.wait_prompt()
            self.child.send(piece)

    def transcript(self):
        """Everything the session has shown so far."""
        self._transcript.flush()
        return self.transcript_path.read_text(errors="replace")

    def paste(self, text):
        """Send text at once, however long, as a terminal paste does: what the guest
        cannot buffer it drops, and says so."""
        self.child.send(text)

    def run(self, line, timeout=None):
        """Type a command and Enter; return its output up to the next prompt, echo stripped."""
        self.send(line + "\r")
        output = self.wait_prompt(timeout).replace("\r", "")  # the guest and the pty both add CRs
        echoed = line + "\n"
        return output[len(echoed):] if output.startswith(echoed) else output

    def boot(self, timeout=None):
        """Wait for the first prompt; return the boot banner."""
        return self.wait_prompt(timeout)

    # -- the end --------------------------------------------------------------
    def wait_exit(self, timeout=None):
        """Wait for QEMU to stop; return the guest's status (None if it did not choose one)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        if self.profile.parked:
            return self._wait_parked(deadline)
        while self.child.isalive() and time.monotonic() < deadline:
            try:
                self.child.expect(pexpect.EOF, timeout=max(0.1, deadline - time.monotonic()))
            except pexpect.TIMEOUT:
                break
        if self.child.isalive():
            self._fail("QEMU did not exit")
        self.child.close()
        return self.profile.exit_status(self.child.exitstatus if self.child.exitstatus is not None else -1)

    def _wait_parked(self, deadline):
        """No exit device: read the status where the guest parked, and quit QEMU (qemu/park.py)."""
        symbol, register = self.profile.parked
        if not self.child.isalive():
            self._fail(f"QEMU exited by itself: the guest never parked at {symbol}")
        status = parked_status(self.qmp_path, self.elf, symbol, register, max(0.1, deadline - time.monotonic()))
        if status is None:
            self._fail(f"the guest did not park at {symbol}: no exit status")
        try:
            self.child.expect(pexpect.EOF, timeout=max(0.1, deadline - time.monotonic()))
        except pexpect.TIMEOUT:
            self._fail("QEMU did not quit when told to over QMP")
        self.child.close()
        return status

    def close(self):
        """Kill QEMU if it still runs; always safe to call."""
        try:
            if self.child.isalive():
                self.child.terminate(force=True)
            self.child.close(force=True)
        finally:
            self._transcript.close()
            self._typed.close()
            if self.qmp_path:
                self._qmp_dir.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
