"""What a test talks to: a target, either the local emulator or a board in a labgrid place.

Both kinds are a qemu.console.Console to the test: run, send, paste, expect,
wait_prompt, boot, the banner, the transcript and its bad-line watch,
wait_ending and wait_exit, close. The local kind is Console itself (QEMU or
mspdebug started here, its exit code, QMP and interrupt log as witnesses).
The board kind, BoardConsole, reaches the board's UART through labgrid's
console driver (a SerialDriver on the place's NetworkSerialPort, wherever the
exporter is) and has only what a board has: the serial line. So:

- the exit status is the guest's own `exit status=N` line: a board cannot
  stop an emulator, it prints its status and parks (kernel/shell.c), and the
  line is all the host sees;
- no QMP, no `-d int` log, no TCG plugin, no -icount: tests that need them
  carry @pytest.mark.emulator_only and are deselected on a board
  (tests/conftest.py prints which and why).
"""
from pathlib import Path

from pexpect.spawnbase import SpawnBase

from qemu import bounds
from qemu.console import Console
from qemu.ending import Ending, guest_status
from qemu.monitor import NoMonitor
from qemu.profiles import profile
from qemu.watch import Watch

READ_CHUNK = 4096
STATUS_LINE = r"exit status=(\d+)\r?\n"      # the whole line: kernel/shell.c prints it last


class SerialSpawn(SpawnBase):
    """pexpect over a labgrid ConsoleProtocol driver: text in and out, as qemu.spawn.Spawn gives."""

    def __init__(self, driver, timeout, logfile):
        super().__init__(timeout=timeout, maxread=READ_CHUNK, logfile=logfile,
                         encoding="utf-8", codec_errors="replace")
        self.driver = driver
        self.delaybeforesend = None

    def read_nonblocking(self, size=1, timeout=-1):
        if timeout == -1:
            timeout = self.timeout
        # labgrid raises pexpect.TIMEOUT when nothing came, as pexpect wants
        data = self.driver.read(size=1, max_size=size, timeout=timeout if timeout is not None else 3600)
        text = self._decoder.decode(data, final=False)
        self._log(text, "read")
        return text

    def send(self, s):
        self._log(s, "send")
        return self.driver.write(self._encoder.encode(s, final=False))

    def isalive(self):
        return bool(getattr(self.driver, "status", 1))   # SerialDriver's status: 1 while the port is open


class BoardConsole(Console):
    """A Console whose guest is a board behind a labgrid place (see the module's docstring).

    strategy: the target's boards.strategy.KernelStrategy, which flashes and
    resets the board; console: its ConsoleProtocol driver."""

    def __init__(self, arch, elf, strategy, run_dir, name, timeout=15, allow=()):
        # Console.__init__ starts an emulator; a board is started by its strategy instead.
        self.profile = profile(arch)
        run_dir = Path(run_dir)
        run_dir.mkdir(parents=True, exist_ok=True)
        self.transcript_path = run_dir / f"{name}.transcript"
        self.log_path = run_dir / f"{name}.no-emulator-log"      # never written: a board has no -d log
        self.timeout = timeout
        self.elf = elf
        self.variant = None
        self.icount = None               # a board's clock is its crystal
        self.watch = Watch(allow)
        self.ending = None
        self.monitor = NoMonitor()
        self.qmp_path = None
        self.qemu_version = None
        self.strategy = strategy
        self._transcript = bounds.CappedTranscript(self.transcript_path, on_flood=self._stop_flood)
        self._typed = open(run_dir / f"{name}.typed", "w", encoding="utf-8", newline="")
        self._flooded = False
        strategy.boot(elf)
        self.child = SerialSpawn(strategy.console, timeout, self._transcript)
        self.child.logfile_send = self._typed

    def _stop_flood(self):
        """The board printed past the transcript's cap: switch it off (there is no process to kill)."""
        self._flooded = True
        self.strategy.off()

    def registers(self):
        return "(a board: no registers over its serial line; attach a debugger to see them)"

    def diagnosis(self):
        ending = f"--- the board stopped: {self.ending} ---\n" if self.ending else ""
        return (f"{ending}--- transcript tail ({self.transcript_path}) ---\n{self.transcript_tail()}\n"
                f"--- target ---\n{self.strategy.target.name} through labgrid ({type(self.strategy.console).__name__}); "
                f"a board has no emulator log and no registers to show")

    def _finish(self):
        """A board's serial line does not end when the guest does: nothing to reap."""
        if self.ending is None:
            self.ending = Ending("unexplained", "the board's serial connection closed (ser2net or the "
                                                "exporter went away): no status was read")
        return self.ending

    def wait_ending(self, timeout=None):
        """The guest's status from its own `exit status=N` line (the last thing it prints
        before it parks); a board cannot stop, so the line is the whole ending."""
        __tracebackhide__ = True
        if self.ending is not None:
            return self.ending
        status = guest_status(self.transcript_tail())
        if status is None:
            match = self.expect(STATUS_LINE, timeout)
            status = int(match[1])
        if self._flooded:
            self.ending = Ending("console-flood", "the board printed more than the transcript's cap: it was "
                                                  "switched off")
        else:
            self.ending = Ending("exit", f"the guest printed exit status={status} (read from its line: a board "
                                         f"cannot exit, it parks)", status=status)
        return self.ending

    def close(self):
        """Detach from the board and close the files; the next boot resets it anyway."""
        try:
            self.strategy.off()
        finally:
            self._transcript.close()
            self._typed.close()

