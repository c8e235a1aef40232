"""What the arm32 QEMU tests read from the build (gen/manifest.json) rather than
from isr/arm32.py, and from QEMU's `-d int` log."""
import json
import re
import time

from tools import toolchain

# target/arm/internals.h excnames, as "Taking exception N [NAME]" prints them.
QEMU_EXCEPTIONS = {"UNDEF": "Undefined Instruction", "SVC": "SVC", "PABT": "Prefetch Abort",
                   "DABT": "Data Abort", "irq": "IRQ", "fiq": "FIQ"}


def manifest():
    return json.loads((toolchain.build_dir("arm32") / "gen" / "manifest.json").read_text())


def slot(name):
    """The manifest slot of a vector by its name (DABT, SGI1) or its handler (on_sgi_slow)."""
    return next(s for s in manifest()["vectors"] if name in (s["name"], s["handler"]))


class LogWindow:
    """The part of a console's QEMU log written after this window was opened."""

    def __init__(self, console):
        self.path = console.log_path
        self.start = self.path.stat().st_size if self.path.exists() else 0

    def lines(self):
        with open(self.path, errors="replace") as log:
            log.seek(self.start)
            return log.read().splitlines()

    def wait_for(self, pattern, within=10.0):
        """Poll until a line matches (QEMU flushes its log as it goes); return all lines, or fail."""
        deadline = time.monotonic() + within
        while True:
            lines = self.lines()
            if any(re.search(pattern, line) for line in lines):
                return lines
            assert time.monotonic() < deadline, f"QEMU's log never showed {pattern!r}:\n" + "\n".join(lines[-20:])
            time.sleep(0.05)


def taken(lines, qemu_name):
    """For each `Taking exception N [qemu_name]` in lines: its fault-register line
    (or None) and the first AArch32 exception return after it, as (mode, to, pc)."""
    found = []
    for i, line in enumerate(lines):
        if not re.match(rf"Taking exception \d+ \[{re.escape(qemu_name)}\]", line):
            continue
        fault, back = None, None
        for later in lines[i + 1:]:
            if later.startswith("Taking exception"):
                break
            match = re.match(r"\.\.\.with ([DI]FSR) (0x[0-9a-f]+) [DI]FAR (0x[0-9a-f]+)", later)
            if match:
                fault = match.groups()
            match = re.match(r"Exception return from AArch32 (\w+) to (\w+) PC (0x[0-9a-f]+)", later)
            if match:
                back = match.groups()
                break
        found.append((fault, back))
    return found
