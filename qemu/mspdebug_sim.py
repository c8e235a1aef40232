"""mspdebug's `sim` driver as a launcher with QEMU's shape: this process's stdin
and stdout are the guest's console, and its exit code carries the guest's status.

    python -m qemu.mspdebug_sim KERNEL.elf [--log FILE] [--gdb PORT] [--window BEGIN:END --window-log FILE]

(--gdb: `doit debug-msp430`, mspdebug's own debugger prompt instead of a run.
--window: two more breakpoints, at hex byte addresses; each time the guest
goes from BEGIN to END, one line `window window insns=N stores=-` goes to the
window log: the instructions the tracer counted, BEGIN included, END not, as
tools/plugin/window.c counts them in QEMU; the simulator counts no stores.)

mspdebug 0.22 has no UART and no exit device, so this bridge drives mspdebug's
own prompt and stops the simulation at two breakpoints (kernel/msp430/host.h):

- msp430_host_call: a request (r12 what, r13/r14 arguments, r15 a sequence
  number): the CPU is about to sleep, or the shell waits for a byte (fill the
  input mailbox, if the guest says it has room, and raise its interrupt),
  raise an interrupt with the tracer's `trigger`, pulse a port pin or the
  RST/NMI pin;
- msp430_exit_parked: the guest's status is in r12; exit with 128 + status.

Every other ending (mspdebug's own error, such as an invalid opcode; input
that ends; Ctrl-A X) exits below 128, so it is never read as a guest status
(qemu/profiles.py MspdebugSimProfile). mspdebug dies with this process, and
this process with whoever started it (PR_SET_PDEATHSIG, qemu/launcher.py).

The simio console prints a line only at '\\n': at each input request the
bridge reads the unfinished line (the prompt) with `simio info console`, so
the prompt shows before the guest waits.

mspdebug's own words around a stop are not the guest's: the echo of `run`,
"Running. Press Ctrl+C", "Stepping over breakpoint" and the register dump,
and from mspdebug 0.24 (seen on Debian 13's 0.25; 0.22 does not print it)
"Breakpoint N triggered (0xADDR)" just before the dump (ui/devcmd.c
cmd_regs, which `run` calls when it stops). That line is dropped only when
its address is one of the bridge's breakpoints and the dump follows it, so a
guest that prints the same words still has them shown.

Time flows while the guest waits, as Timer_A counts on in LPM0 on the part.
The simulator steps through LPM0 one cycle at a time (drivers/sim.c
step_system: a CPUOFF cycle only steps the simio devices) as fast as the host
lets it, about 16 million cycles per second of host CPU measured here (the
part's SMCLK is 8 MHz), and never looks at the host's clock. So the guest
stops here each time it is about to sleep (HOST_IDLE, from
arch_wait_for_interrupt: at least once a tick while the shell waits for input
or sleeps), and the bridge holds it until host time has caught up with the
cycles it spent in LPM since the last stop (the clock tracer's SMCLK - MCLK),
waiting on stdin meanwhile: a key the mailbox has room for ends the wait.
Time spent running code is not held back (as QEMU's -icount with sleep=on).
While the guest idles, the bridge sleeps in select, and mspdebug needs about
half a host core to step LPM0 in real time.
"""
import argparse
import os
import re
import select
import signal
import sys
import termios
import time
import tty

from qemu.mspdebug import PROMPT, Mspdebug
from qemu.profiles import profile
from tools import versions
from tools.elf_symbols import Image

from qemu.bridge_endings import EXIT_GUEST, EXIT_INPUT_ENDED, EXIT_QUIT, EXIT_SIM_ERROR, EXIT_UNEXPECTED

HOST_INPUT, HOST_TRIGGER, HOST_PIN, HOST_NMI_PIN, HOST_IDLE = 1, 2, 3, 4, 5   # kernel/msp430/host.h enum host_request
QUIT_KEYS = b"\x01x"        # Ctrl-A X, as QEMU's -nographic
REGISTER = re.compile(r"\(\s*(PC|SP|SR|R\d+):\s*([0-9a-f]+)\)")
BUFFER_PREFIX = "Buffer:         "          # simio_console.c console_info
MW_BYTES = 16               # bytes per `mw`: readline scrolls (and garbles the echo of) long lines
CLOCK_HZ = profile("msp430").facts.SIM_CLOCK_HZ     # the guest's SMCLK, as kernel/msp430/memlayout.h takes the cycle
MAX_LEAD = 1.0              # seconds of idle time the guest may be ahead of the host: beyond, it is forgotten
# cmd_regs names the breakpoint the PC sits on, from mspdebug 0.24 (commit 89e6174, "Show triggered breakpoints").
BREAKPOINT_LINE = re.compile(r"Breakpoint (\d+) triggered \(0x([0-9a-fA-F]+)\)")
BREAKPOINT_LINE_SINCE = (0, 24)


def names_breakpoints(mspdebug_version):
    """Does this mspdebug print "Breakpoint N triggered" when `run` stops at one? (Unknown: assume it does.)"""
    return mspdebug_version is None or mspdebug_version[:2] >= BREAKPOINT_LINE_SINCE


class Bridge:
    """One guest run: mspdebug set up as the part, the kernel loaded, its requests served."""

    def __init__(self, elf, log_path, window=None, window_log=None):
        self.log_file = open(log_path, "w") if log_path else None
        self.window = window                    # (begin, end) byte addresses, or None
        self.window_log = open(window_log, "w") if window_log else None
        self.window_start = None                # the tracer's instruction count at BEGIN
        image = Image(elf)
        self.symbols = {name: image.symbols[name].address
                        for name in ("msp430_host_call", "msp430_exit_parked", "msp430_mailbox")}
        self.input = b""
        self.input_closed = False
        self.partial = ""           # the unfinished console line already written out
        self.shell_waiting = False  # the shell asked for input (HOST_INPUT) and has had none since
        self.last_request = None
        self.quiet_run = False      # the next `run` goes on from an idle stop: not logged
        # Pacing (HOST_IDLE): the clock tracer's LPM cycles at the last idle stop, the
        # host time (monotonic) by which the guest's idle time so far has passed,
        # and when the simulation last went on from a stop.
        self.idle_cycles = 0
        self.paced_until = 0.0
        self.resumed = time.monotonic()
        self.terminal = None
        if os.isatty(0):
            self.terminal = termios.tcgetattr(0)
            tty.setraw(0)
        self.sim = Mspdebug(self.log)
        for command in profile("msp430").machine:
            self.sim.command(command)
        self.sim.command(f"prog {elf}")
        self.breakpoints = {self.symbols[name] for name in ("msp430_host_call", "msp430_exit_parked")}
        self.breakpoints |= set(window or ())
        for address in sorted(self.breakpoints):
            self.sim.command(f"setbreak 0x{address:x}")
        self.names_breakpoints = names_breakpoints(versions.version("mspdebug"))

    def log(self, text):
        if self.log_file:
            self.log_file.write(text + "\n")
            self.log_file.flush()

    def out(self, text):
        os.write(1, text.encode())

    def close(self):
        if self.terminal is not None:
            termios.tcsetattr(0, termios.TCSADRAIN, self.terminal)
        self.sim.close()
        if self.log_file:
            self.log_file.close()
        if self.window_log:
            self.window_log.write("windows done\n" if self.window_start is None else "window window open\n")
            self.window_log.close()

    # -- the console --------------------------------------------------------
    def console_line(self, text):
        """A complete line the simio console printed: the part not written yet, and a newline."""
        if text.startswith(self.partial):
            text = text[len(self.partial):]
        self.partial = ""
        self.out(text + "\n")

    def flush_partial(self):
        """Write the console's unfinished line (a prompt, an echo) as far as it goes."""
        for line in self.sim.command("simio info console"):
            if line.startswith(BUFFER_PREFIX):
                buffered = line[len(BUFFER_PREFIX):]
                if buffered.startswith(self.partial):
                    self.out(buffered[len(self.partial):])
                    self.partial = buffered

    def wait_stdin(self, timeout):
        """Sleep up to timeout seconds, or until a key comes (read into self.input)."""
        if self.input_closed:
            time.sleep(timeout)
            return
        ready, _, _ = select.select([0], [], [], timeout)
        if ready:
            self.read_stdin()

    def read_stdin(self):
        if self.input_closed:
            return
        data = os.read(0, 4096)
        if not data:
            self.input_closed = True
            return
        self.input += data
        if QUIT_KEYS in self.input:
            raise SystemExit(self.finish(EXIT_QUIT, "quit: Ctrl-A X"))

    def typed(self):
        """The input the guest may have now: all of it but a last Ctrl-A, held
        back until the next key shows whether it began Ctrl-A X (typed by hand,
        the two keys come in two reads)."""
        if self.input.endswith(QUIT_KEYS[:1]) and not self.input_closed:
            return self.input[:-1]
        return self.input

    # -- running --------------------------------------------------------------
    def run(self):
        """Run until the simulation stops; return its registers, or None after an error."""
        state = {"dump": False, "lines": 0, "held": None}

        def on_line(text):
            state["lines"] += 1
            if state["lines"] == 1 or text.startswith(("Running. Press Ctrl+C", "Stepping over breakpoint")):
                return                        # readline's echo of `run`, and mspdebug's own words
            held, state["held"] = state["held"], None
            if text.lstrip().startswith("( PC:") and REGISTER.search(text):
                state["dump"] = True          # cmd_run's register dump: the simulation stopped
                held = None                   # so the line before it was mspdebug's "Breakpoint N triggered"
            if held is not None:
                self.console_line(held)
            if state["dump"]:
                for name, value in REGISTER.findall(text):
                    state.setdefault("regs", {})[name] = int(value, 16)
            elif self.is_breakpoint_line(text):
                state["held"] = text          # mspdebug's, if the register dump comes next
            else:
                self.console_line(text)

        self.sim.send("run", quiet=self.quiet_run)
        self.resumed = time.monotonic()
        stdin_fd = None if self.input_closed else 0
        self.sim.read_until_prompt(on_line, stdin_fd, self.read_stdin)
        if state["held"] is not None:         # no dump followed: it was the guest's after all
            self.console_line(state["held"])
        if self.sim.errors or "regs" not in state:
            self.log(f"sim error: {'; '.join(self.sim.errors) or 'stopped without registers'}")
            return None
        return state["regs"]

    def is_breakpoint_line(self, text):
        """mspdebug >= 0.24's "Breakpoint N triggered (0xADDR)" for one of our breakpoints?"""
        found = self.names_breakpoints and BREAKPOINT_LINE.fullmatch(text.strip())
        return bool(found) and int(found.group(2), 16) in self.breakpoints

    def serve(self):
        """Run the guest to its end; return this process's exit code."""
        while True:
            regs = self.run()
            if regs is None:
                self.flush_partial()
                return self.finish(EXIT_SIM_ERROR, "the simulator stopped with an error (not a guest exit)")
            pc = regs["PC"]
            if pc == self.symbols["msp430_exit_parked"]:
                status = regs["R12"]
                self.flush_partial()
                return self.finish(EXIT_GUEST + status if status < 128 else EXIT_UNEXPECTED,
                                   f"exit status={status} pc=0x{pc:x}")
            if self.window and pc in self.window:
                self.window_stop(pc)
                continue
            if pc != self.symbols["msp430_host_call"]:
                return self.finish(EXIT_UNEXPECTED, f"stop at pc=0x{pc:x}, no breakpoint of ours")
            request = (regs["R12"], regs["R13"], regs["R14"], regs["R15"])
            if request[3] == self.last_request:
                continue                    # the same call again, after an interrupt taken while stepping
            self.last_request = request[3]
            self.quiet_run = request[0] == HOST_IDLE
            code = self.serve_request(*request[:3])
            if code is not None:
                return code

    def window_stop(self, pc):
        """At BEGIN note the tracer's instruction count; at END log the window's count."""
        count = self.instructions()
        if pc == self.window[0] and self.window_start is None:
            self.window_start = count
        elif pc == self.window[1] and self.window_start is not None:
            self.window_log.write(f"window window insns={count - self.window_start} stores=-\n")
            self.window_log.flush()
            self.window_start = None

    def instructions(self):
        """Instructions simulated so far, from the tracer's own count."""
        for line in self.sim.command("simio info tracer"):
            if line.startswith("Instruction count:"):
                return int(line.split()[-1])
        raise RuntimeError("mspdebug: `simio info tracer` printed no instruction count")

    def clock(self):
        """(MCLK, SMCLK) cycles simulated so far, from the `clock` tracer (qemu/profiles.py).
        SMCLK is guest time; MCLK stops in LPM0 (simio.c simio_step: no MCLK while
        CPUOFF), so SMCLK - MCLK is the time the CPU slept."""
        counts = {}
        for line in self.sim.command("simio info clock", quiet=True):
            name, _, value = line.partition(" ")
            if name.rstrip(":") in ("MCLK", "SMCLK"):
                counts[name.rstrip(":")] = int(value)
        return counts.get("MCLK", -1), counts.get("SMCLK", -1)

    def pace(self, room):
        """At an idle stop: hold the guest until host time has caught up with the
        cycles it slept since the last one, or until a key comes that the mailbox
        has room for. Guest time that fell behind host time (a host busy
        elsewhere) is not made up; idle time further ahead than MAX_LEAD is
        forgotten. Returns the SMCLK count."""
        mclk, smclk = self.clock()
        slept = max(0, (smclk - mclk) - self.idle_cycles)
        self.idle_cycles = smclk - mclk
        now = time.monotonic()
        self.paced_until = min(max(self.paced_until, self.resumed) + slept / CLOCK_HZ, now + MAX_LEAD)
        while not (self.typed() and room) and now < self.paced_until:
            self.wait_stdin(self.paced_until - now)
            now = time.monotonic()
        return smclk

    def deliver(self, room, irq):
        """Typed bytes into the mailbox, as many as the guest said it has room
        for, and its interrupt raised; what does not fit waits for the next offer.
        Returns how many bytes went in."""
        chunk = self.typed()[:room]
        if not chunk:
            return 0
        self.input = self.input[len(chunk):]
        mailbox = self.symbols["msp430_mailbox"]          # struct mailbox: len, then data
        for at in range(0, len(chunk), MW_BYTES):
            piece = chunk[at:at + MW_BYTES]
            self.sim.command(f"mw 0x{mailbox + 1 + at:x} " + " ".join(f"{byte:x}" for byte in piece))
        self.sim.command(f"mw 0x{mailbox:x} {len(chunk):x}")
        self.sim.command(f"simio config tracer trigger {irq}")
        self.shell_waiting = False
        return len(chunk)

    def serve_request(self, what, arg, arg2):
        if what == HOST_IDLE:       # a hundred a second while the shell waits: logged only when it delivers
            smclk = self.pace(arg)
            if self.shell_waiting and not self.input and self.input_closed:
                return self.finish(EXIT_INPUT_ENDED, "input ended while the guest waited for it")
            if self.deliver(arg, arg2):
                self.log(f"idle seq={self.last_request} smclk={smclk}: typed bytes given to the mailbox above")
            return None
        self.log(f"request what={what} arg={arg} arg2={arg2} seq={self.last_request} smclk={self.clock()[1]}")
        if what == HOST_INPUT:
            self.flush_partial()
            self.shell_waiting = True
            if not self.input and self.input_closed:
                return self.finish(EXIT_INPUT_ENDED, "input ended while the guest waited for it")
            self.deliver(arg, arg2)
        elif what == HOST_TRIGGER:
            self.sim.command(f"simio config tracer trigger {arg}")
        elif what == HOST_PIN:
            self.sim.command(f"simio config port{arg} set {arg2} 1")
            self.sim.command(f"simio config port{arg} set {arg2} 0")
        elif what == HOST_NMI_PIN:
            self.sim.command("simio config wdt nmi 0")
            self.sim.command("simio config wdt nmi 1")
        else:
            return self.finish(EXIT_UNEXPECTED, f"unknown request {what}")
        return None

    def finish(self, code, why):
        """Log why the run ends and what the tracer counted; return the exit code."""
        self.log(why)
        if code != EXIT_GUEST and not why.startswith("exit"):
            os.write(2, f"\r\nmspdebug_sim: {why}\r\n".encode())
        try:
            for line in self.sim.command("simio info tracer"):
                self.log(line)
        except (RuntimeError, EOFError, OSError):
            pass
        return code


def debug(elf):
    """mspdebug at its own prompt, the kernel loaded with its symbols and the
    part's devices set up; this process relays lines both ways. Ctrl-C reaches
    mspdebug itself (same process group) and stops a `run`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sim = Mspdebug(lambda text: None)
    for command in profile("msp430").machine + [f"prog {elf}"]:
        sim.command(command)
    print("mspdebug's prompt, kernel.elf loaded: setbreak SYMBOL, run, step, regs, dis SYMBOL, md ADDR; "
          "console lines print as they end (no input: mw msp430_mailbox by hand); Ctrl-D quits.\n", flush=True)
    try:
        while True:
            sys.stdout.write(PROMPT.decode())
            sys.stdout.flush()
            line = sys.stdin.readline()
            if not line:
                return 0
            sim.send(line.rstrip("\n"))
            for text in sim.read_until_prompt()[1:] + sim.errors:
                print(text, flush=True)
    finally:
        sim.close()


def main(argv):
    parser = argparse.ArgumentParser(prog="python -m qemu.mspdebug_sim", description=__doc__.splitlines()[0])
    parser.add_argument("elf")
    parser.add_argument("--log", help="file for the requests, stops and the tracer's counts")
    parser.add_argument("--gdb", type=int, metavar="PORT",
                        help="debug instead of running: mspdebug's own prompt on this terminal (Debian's "
                             "gdb-multiarch has no MSP430, so its GDB server has no client); PORT is unused")
    parser.add_argument("--window", metavar="BEGIN:END", help="count the instructions from BEGIN to END (hex)")
    parser.add_argument("--window-log", metavar="FILE", help="where the window counts go (with --window)")
    args = parser.parse_args(argv)
    if args.gdb:
        return debug(args.elf)
    window = tuple(int(a, 16) for a in args.window.split(":")) if args.window else None
    bridge = Bridge(args.elf, args.log, window, args.window_log)
    try:
        return bridge.serve()
    except SystemExit as stop:
        return stop.code
    finally:
        bridge.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
