"""mspdebug at its own prompt, driven one command at a time (qemu/mspdebug_sim.py uses it)."""
import os
import select
import subprocess

from qemu.launcher import die_with_parent

PROMPT = b"(mspdebug) "


class Mspdebug:
    """One mspdebug process at its own prompt, one command at a time.

    Not `--embedded`: that mode's reader thread drops a command that arrives
    before the main thread waits for one, right after it printed `\\ready`.
    At its plain prompt mspdebug reads stdin synchronously; readline echoes
    each command after the prompt `(mspdebug) `, messages go to stdout and
    errors to stderr."""

    def __init__(self, log):
        env = dict(os.environ, TERM="dumb")
        self.proc = subprocess.Popen(["mspdebug", "-n", "-q", "sim"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env, preexec_fn=die_with_parent)
        self.log = log
        self.out, self.err = b"", b""
        self.errors = []
        self.read_until_prompt()

    def read_until_prompt(self, on_line=None, other_fd=None, on_other=None):
        """stdout lines up to mspdebug's next prompt, each passed to on_line if given;
        stderr lines go to self.errors. While waiting, on_other() whenever other_fd is readable."""
        lines = []
        out_fd, err_fd = self.proc.stdout.fileno(), self.proc.stderr.fileno()
        while True:
            while b"\n" in self.out:
                line, _, self.out = self.out.partition(b"\n")
                text = line.decode(errors="replace")
                lines.append(text)
                if on_line:
                    on_line(text)
            if self.out == PROMPT:
                self.out = b""
                return lines
            fds = [out_fd, err_fd] + ([other_fd] if other_fd is not None else [])
            ready, _, _ = select.select(fds, [], [])
            if other_fd is not None and other_fd in ready:
                on_other()
            for fd in (out_fd, err_fd):
                if fd in ready:
                    chunk = os.read(fd, 65536)
                    if not chunk:
                        raise EOFError("mspdebug exited")
                    if fd == out_fd:
                        self.out += chunk
                    else:
                        self.err += chunk
                        *done, rest = self.err.split(b"\n")
                        self.err = rest
                        self.errors += [line.decode(errors="replace") for line in done]

    def send(self, command, quiet=False):
        """quiet: leave the command out of the log (the bridge's routine stops, a hundred a second)."""
        if not quiet:
            self.log(f"> {command}")
        self.errors = []
        self.proc.stdin.write(command.encode() + b"\n")
        self.proc.stdin.flush()

    def command(self, command, quiet=False):
        """Run one command; its output lines (readline's echo left out); an error raises."""
        self.send(command, quiet)
        lines = self.read_until_prompt()[1:]
        if self.errors:
            raise RuntimeError(f"mspdebug: {command}: {'; '.join(self.errors)}")
        return lines

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
