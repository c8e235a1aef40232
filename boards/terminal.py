"""`doit boot-<arch>` on a board: LG_ENV=ENV.yaml doit boot-avr.

The place of the env's target for the arch is leased (boards.lease: the run
waits its turn), the strategy flashes the kernel and resets the board with the
console listening, and this terminal becomes the board's console until the
guest prints `exit status=N` (a board cannot exit: it prints its status and
parks) or the user types Ctrl-A X, as with QEMU. Then the board is switched
off and the place given back, whatever ended the session.
"""
import os
import select
import sys
import termios
import tty
from pathlib import Path

import pexpect
from doit.exceptions import TaskFailed

from boards.lease import PlaceLease, remote_place
from qemu.ending import GUEST_EXIT
from qemu.interactive import run_on_terminal

CTRL_A = b"\x01"              # then x: quit, as QEMU's -serial mon:stdio has it
POLL = 0.05                   # seconds between looks at the keyboard and the board
QUIET_AFTER_INPUT = 30        # seconds: input ended (a pipe) and the board says nothing more
LOG_CAP = 16 * 1024 * 1024    # the serial log's bytes on disk, as qemu.bounds caps a transcript
TAIL = 4096                   # bytes of output kept to find the exit line


class Session:
    """The board's console on this terminal; run() returns ("exit", N) or ("quit", None) or
    ("input-ended", None)."""

    def __init__(self, console, serial_log):
        self.console = console
        self.log = open(serial_log, "wb")
        self.logged = 0
        self.tail = b""
        self.input_open = True
        self.quiet_since = None
        self.ctrl_a = False

    def from_board(self):
        try:
            data = self.console.read(size=1, max_size=4096, timeout=POLL)
        except pexpect.TIMEOUT:
            return None
        os.write(sys.stdout.fileno(), data)
        if self.logged < LOG_CAP:
            self.log.write(data[:LOG_CAP - self.logged])
            self.logged += len(data)
        self.tail = (self.tail + data)[-TAIL:]
        found = GUEST_EXIT.findall(self.tail.decode(errors="replace").replace("\r", ""))
        return int(found[-1]) if found else None

    def from_keyboard(self):
        """Pass typed bytes on; True when the user asked to quit (Ctrl-A X)."""
        ready, _, _ = select.select([sys.stdin.fileno()], [], [], 0)
        if not ready:
            return False
        data = os.read(sys.stdin.fileno(), 1024)
        if not data:
            self.input_open = False
            return False
        for byte in data:
            if self.ctrl_a:
                self.ctrl_a = False
                if byte in b"xX":
                    return True
                if byte != CTRL_A[0]:
                    self.console.write(CTRL_A)     # Ctrl-A Ctrl-A sends one Ctrl-A
            elif byte == CTRL_A[0]:
                self.ctrl_a = True
                continue
            self.console.write(bytes([byte]))
        return False

    def run(self):
        while True:
            if self.input_open and self.from_keyboard():
                return "quit", None
            status = self.from_board()
            if status is not None:
                return "exit", status
            if not self.input_open:
                self.quiet_since = self.quiet_since or os.times().elapsed
                if os.times().elapsed - self.quiet_since > QUIET_AFTER_INPUT:
                    return "input-ended", None

    def close(self):
        self.log.close()


def raw_terminal():
    """Put a terminal stdin in raw mode (keys go to the board as typed); return how to restore it."""
    if not sys.stdin.isatty():
        return lambda: None
    saved = termios.tcgetattr(sys.stdin.fileno())
    tty.setraw(sys.stdin.fileno())
    return lambda: termios.tcsetattr(sys.stdin.fileno(), termios.TCSADRAIN, saved)


def run_on_board(arch, elf, env_file, run_dir):
    """The doit action of boot-<arch> when LG_ENV names a labgrid env file."""
    from labgrid import Environment
    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    env = Environment(str(env_file))
    if arch not in env.config.get_targets():
        return TaskFailed(f"{env_file} has no target named {arch} (LG_ENV): add one (docs/boards.md), "
                          f"or unset LG_ENV to boot in the emulator")
    place = remote_place(env, arch)
    coordinator = env.config.get_option("coordinator_address",
                                        os.environ.get("LG_COORDINATOR", "127.0.0.1:20408"))
    lease = PlaceLease(coordinator, place, run_dir) if place else None
    strategy = None
    try:
        if lease:
            print(f"waiting for place {place} at {coordinator} ...", flush=True)
            lease.begin()
        strategy = env.get_target(arch).get_strategy()
        strategy.boot(elf)
        print(f"{arch} on place {place or env.get_target(arch).name}: Ctrl-A X quits\r", flush=True)
        session = Session(strategy.console, run_dir / "serial.log")
        restore = raw_terminal()
        try:
            kind, status = session.run()
        finally:
            restore()
            session.close()
    finally:
        try:
            if strategy is not None:
                strategy.off()
        finally:
            if lease:
                lease.end()
    words = {"exit": f"the guest printed exit status={status} and parked (a board cannot exit)",
             "quit": "you quit (Ctrl-A X); the board was switched off",
             "input-ended": f"input ended and the board said nothing for {QUIET_AFTER_INPUT}s"}[kind]
    print(f"\n{arch}: {words}")
    if (kind, status) == ("exit", 0) or kind == "quit":
        return True
    return TaskFailed(words)


def wanted():
    """The env file a boot should go to (labgrid's LG_ENV, as labgrid-client reads it), or None:
    boot in the emulator."""
    return os.environ.get("LG_ENV", "").strip() or None


def boot_on_terminal(arch, elf, run_dir):
    """doit boot-<arch>: this terminal becomes the board's console when LG_ENV names
    a labgrid env file, else the emulator's (qemu/interactive.py). The choice is
    made here, above both, so that qemu/ never reaches up to boards/."""
    env_file = wanted()
    if env_file:
        return run_on_board(arch, elf, env_file, run_dir)
    return run_on_terminal(arch, elf, run_dir)
