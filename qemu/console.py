"""A pexpect wrapper around one QEMU guest's serial console.

The console owns the QEMU process: close() quits it through QMP or kills it,
and the death of the test process kills it too (qemu.launcher.die_with_parent).
Every session keeps a transcript and QEMU's interrupt log, both bounded
(qemu.bounds), and has its own QMP socket. A failed expectation raises a ConsoleError that shows what was awaited,
the transcript tail, what QEMU's log says happened last and the CPU's
registers; output that no test expects (qemu.watch) fails at once.
"""
import json
import os
import re
import signal
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pexpect

from qemu import boot_record, bounds
from qemu import int_log
from qemu.diagnosis import registers_summary
from qemu.ending import Ending, classify, guest_status
from qemu.launcher import command, die_with_parent
from qemu.monitor import QMP_FAILURES, Monitor, NoMonitor
from qemu.park import parked_status
from qemu.profiles import profile
from qemu.spawn import Spawn
from qemu.watch import Watch

TRANSCRIPT_TAIL = 2000
RX_RING_BYTES = 256     # kernel/console.c RX_RING_SIZE: input the guest holds before the shell reads it


class ConsoleError(AssertionError):
    pass


class Console:
    def __init__(self, arch, elf, run_dir, name, timeout=15, interrupt_log=True, variant=None,
                 icount=None, allow=(), file_cap=bounds.EMULATOR_FILE_CAP, extra=()):
        """extra: more emulator arguments, after the profile's; file_cap: what each
        file the emulator writes may reach (qemu.bounds), before it is stopped."""
        self.profile = profile(arch)
        run_dir = Path(run_dir)
        run_dir.mkdir(parents=True, exist_ok=True)
        self.transcript_path = run_dir / f"{name}.transcript"
        self.log_path = run_dir / f"{name}.qemu.log"
        self.timeout = timeout
        self.elf = elf
        self.variant = variant
        self.icount = icount             # None: guest time is host time
        self.watch = Watch(allow)
        self.ending = None
        self.monitor = Monitor() if self.profile.launcher == "qemu" else NoMonitor()
        self._transcript = bounds.CappedTranscript(self.transcript_path, on_flood=self._stop_flood)
        # A machine with no exit device gets a second QMP socket, where
        # qemu/park.py reads the parked guest's status.
        self.qmp_path = None
        if self.profile.parked:
            self._qmp_dir = tempfile.TemporaryDirectory(prefix="qmp-")    # short: a socket path has 107 bytes
            self.qmp_path = Path(self._qmp_dir.name) / "qmp.sock"
        argv = command(arch, elf, log=self.log_path if interrupt_log else None, variant=variant,
                       monitor=self.monitor, icount=icount, qmp=self.qmp_path) + list(extra)
        # For `doit replay`: the command line, without this process's QMP socket
        # (a replay has none to pass), and what was typed, apart from what the guest said.
        replayable = command(arch, elf, log=self.log_path if interrupt_log else None, variant=variant,
                             icount=icount, qmp=self.qmp_path) + list(extra)
        (run_dir / f"{name}.argv.json").write_text(json.dumps(replayable) + "\n")
        self._typed = open(run_dir / f"{name}.typed", "w", encoding="utf-8", newline="")
        self.child = Spawn(argv[0], argv[1:], encoding="utf-8", codec_errors="replace",
                            timeout=timeout, logfile=self._transcript, echo=False,
                            preexec_fn=lambda: die_with_parent(file_cap),
                            pass_fds=self.monitor.pass_fds(), dimensions=(50, 200))
        self._file_cap = file_cap
        self._file_watch = bounds.FileWatch([self.log_path] if interrupt_log else [], self._stop_flood, file_cap)
        self.child.logfile_send = self._typed
        try:
            self.qemu_version = self.monitor.connect()
        except QMP_FAILURES:
            self.qemu_version = None     # QEMU died before its monitor ran: boot() says why

    def _stop_flood(self):
        """The console printed past qemu.bounds.TRANSCRIPT_CAP, or the emulator's log reached
        its file cap: stop the guest (pexpect then meets EOF; _finish says which). A signal,
        not pexpect's kill: this may run in the file watch's thread, which must not reap."""
        try:
            os.kill(self.child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass             # already gone

    # -- failures -------------------------------------------------------------
    def transcript_tail(self):
        return self._transcript.tail(TRANSCRIPT_TAIL)

    def registers(self):
        """The CPU's registers over QMP, PC named; a sentence when QEMU cannot answer."""
        if self.qemu_version is None or not self.child.isalive():
            return "(QEMU is not running: no registers)"
        try:
            return registers_summary(self.profile, self.monitor.hmp("info registers"), self.elf)
        except QMP_FAILURES as error:
            return f"(QMP did not answer: {error!r})"

    def diagnosis(self):
        """Everything a failure report shows about this guest, as one text."""
        ending = f"--- QEMU stopped: {self.ending} ---\n" if self.ending else ""
        return (f"{ending}--- transcript tail ({self.transcript_path}) ---\n{self.transcript_tail()}\n"
                f"--- QEMU log ({self.log_path}) ---\n{int_log.summary(self.profile, self.log_path, self.elf)}\n"
                f"--- registers ---\n{self.registers()}")

    def _fail(self, what):
        __tracebackhide__ = True
        raise ConsoleError(f"{what}\n{self.diagnosis()}") from None

    @contextmanager
    def disable_check(self, *names):
        """Let these bad patterns (qemu.watch.BAD_PATTERNS) through inside the block."""
        before = set(self.watch.allowed)
        self.watch.allowed |= set(names)
        try:
            yield self
        finally:
            self.watch.allowed = before

    # -- expectations -------------------------------------------------------
    def expect(self, pattern, timeout=None):
        """Wait for a regex; return its match object."""
        __tracebackhide__ = True
        waited = timeout or self.timeout
        try:
            self.child.expect(pattern, timeout=waited)
        except pexpect.TIMEOUT:
            self._check(self.child.before)
            self._fail(f"timed out after {waited}s waiting for {pattern!r}")
        except pexpect.EOF:
            self._check(self.child.before)
            self._finish()
            self._fail(f"QEMU exited ({self.ending}) while waiting for {pattern!r}")
        self._check(self.child.before + self.child.after)
        return self.child.match

    def _check(self, text):
        __tracebackhide__ = True
        bad = self.watch.check(text if isinstance(text, str) else "")
        if bad:
            name, line, why = bad
            self._fail(f"the console showed a line no test expects ({why}):\n    {line}\n"
                       f"(a test that expects it says @pytest.mark.console_allows({name!r}))")

    def wait_prompt(self, timeout=None):
        """Everything printed before the next prompt."""
        __tracebackhide__ = True
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
            self.watch.typed(piece)
            self.child.send(piece)

    def transcript(self):
        """Everything the session has shown so far (up to the transcript's cap)."""
        self._transcript.flush()
        return self.transcript_path.read_text(errors="replace")

    def paste(self, text):
        """Send text at once, however long, as a terminal paste does: what the guest
        cannot buffer it drops, and says so."""
        self.watch.typed(text)
        self.child.send(text)

    def run(self, line, timeout=None):
        """Type a command and Enter; return its output up to the next prompt, echo stripped."""
        __tracebackhide__ = True
        self.send(line + "\r")
        output = self.wait_prompt(timeout).replace("\r", "")  # the guest and the pty both add CRs
        echoed = line + "\n"
        return output[len(echoed):] if output.startswith(echoed) else output

    def boot(self, timeout=None):
        """Wait for the first prompt; return the boot banner. In a test run, a
        kernel that failed to boot before fails at once (qemu.boot_record)."""
        __tracebackhide__ = True
        arch = self.profile.arch
        earlier = boot_record.earlier_failure(arch, self.elf, self.variant)
        if earlier:
            raise ConsoleError(earlier)
        try:
            return self.wait_prompt(timeout)
        except ConsoleError as error:
            boot_record.remember_failure(arch, self.elf, self.variant, str(error))
            raise

    # -- the end --------------------------------------------------------------
    def _finish(self):
        """Reap QEMU and decide, once, how it ended (qemu.ending)."""
        if self.ending is not None:
            return self.ending
        self.child.close()
        code = self.child.exitstatus if self.child.exitstatus is not None else -self.child.signalstatus
        if self._file_watch.full or bounds.at_cap(self.log_path, self._file_cap):   # stopped, or died of it first
            words = int_log.file_cap_words(self.profile, bounds.tail_text(self.log_path), self._file_cap)
            self.ending = Ending("file-cap", words, returncode=code)
            return self.ending
        if self._transcript.flooded:
            self.ending = Ending("console-flood", f"the console printed more than {bounds.TRANSCRIPT_CAP // bounds.MB} "
                                                  f"MB, so the harness stopped {self.profile.emulator}: a report "
                                                  f"storm? (the transcript's tail shows what repeats)", returncode=code)
            return self.ending
        self.ending = classify(self.profile, code, self.transcript_tail(), self.monitor.shutdown_reason(),
                               bounds.tail_text(self.log_path), started=self.qemu_version is not None)
        return self.ending

    def wait_ending(self, timeout=None):
        """Wait for QEMU to stop; return its qemu.ending.Ending (kind, status, words)."""
        __tracebackhide__ = True
        if self.ending is not None:          # already seen to stop (an expect met EOF)
            return self.ending
        if self.profile.parked and self.child.isalive():
            return self._wait_parked(time.monotonic() + (timeout or self.timeout))
        try:
            # Read to the end even when QEMU is already gone: its last words
            # (a startup error) are still in the pty.
            self.child.expect(pexpect.EOF, timeout=timeout or self.timeout)
        except pexpect.TIMEOUT:
            self._check(self.child.before)
            self._fail("QEMU did not exit")
        self._check(self.child.before)
        return self._finish()

    def _wait_parked(self, deadline):
        """No exit device: read the status where the guest parked, and quit QEMU
        (qemu/park.py). A status counts when the guest's own line says the same."""
        __tracebackhide__ = True
        symbol, register = self.profile.parked
        try:
            status = parked_status(self.qmp_path, self.elf, symbol, register, max(0.1, deadline - time.monotonic()))
        except QMP_FAILURES:
            status = None            # QEMU is going (killed, reset, quit): _finish says how
        try:
            self.child.expect(pexpect.EOF, timeout=max(0.1, deadline - time.monotonic()))
        except pexpect.TIMEOUT:
            self._fail(f"the guest did not park at {symbol}, and QEMU did not quit" if status is None else
                       "QEMU did not quit when told to over QMP")
        self._check(self.child.before)
        said = guest_status(self.transcript_tail())
        if status is None or said != status:
            self._finish()
            if status is not None:
                self.ending = Ending("unexplained", f"the guest parked with {register}={status} but printed "
                                                    f"`exit status={said}`", returncode=self.ending.returncode)
            return self.ending
        self.child.close()
        self.ending = Ending("exit", f"guest exited with status {status}", status=status, returncode=0)
        return self.ending

    def wait_exit(self, timeout=None):
        """Wait for QEMU to stop; return the guest's status, or None when the guest did not choose one."""
        __tracebackhide__ = True
        if self.profile.parked and self.ending is None and not self.child.isalive():
            self._fail(f"QEMU exited by itself: the guest never parked at {self.profile.parked[0]}")
        return self.wait_ending(timeout).status

    def close(self):
        """Stop QEMU if it still runs (QMP quit, then SIGKILL); always safe to call."""
        try:
            if self.child.isalive() and self.qemu_version is not None and self.monitor.quits:
                try:
                    self.monitor.command("quit")
                except QMP_FAILURES:
                    pass
                self.child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=2)
            if self.child.isalive():
                self.child.terminate(force=True)
            self.child.close(force=True)
        finally:
            self._file_watch.stop()
            self.monitor.close()
            self._transcript.close()
            self._typed.close()
            if self.qmp_path:
                self._qmp_dir.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
