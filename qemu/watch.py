"""Bad patterns: console output that no test expects, caught wherever it appears.

U-Boot's test/py does the same (its `bad_patterns`, lifted per test with
`disable_check`): a test that meets one of these fails at once, naming the
line, instead of timing out later or passing by luck. A test that expects one
names it (tests: `@pytest.mark.console_allows("halt")`, or
`with console.disable_check("halt"):`).
"""
import re

# name -> (pattern over whole lines, why it is bad)
BAD_PATTERNS = {
    "halt": (r"^\[trap\] .* then=halt$", "a handler halted the machine"),
    "unexpected-vector": (r"^\[trap\] .*\bnote=unexpected-vector\b.*$",
                          "an interrupt reached a vector that the spec left to the default handler"),
    "trap": (r"^\[trap\] .*$", "an interrupt was reported while the command in progress raises none"),
    "reset": (r"^boot: \S+ kernel up.*$", "the boot banner again: the machine was reset"),
    "storm": (r"^\[storm\] .*$", "an interrupt storm: a handler left its source asserted, and the storm "
                                  "guard masked it (kernel/storm.h)"),
}

# Commands whose output may hold report lines: they raise interrupts on purpose.
RAISING_COMMANDS = ("trap", "int", "break")     # break: a table broken on purpose (kernel/*/breaks.c)


class Watch:
    def __init__(self, allowed=()):
        unknown = set(allowed) - set(BAD_PATTERNS)
        if unknown:
            raise KeyError(f"no bad pattern named {', '.join(sorted(unknown))}; known: {', '.join(BAD_PATTERNS)}")
        self.allowed = set(allowed)
        self.booted = False         # the first banner is expected
        self.irqtrace = False       # `irqtrace on` makes every hardware interrupt report
        self.command = ""           # the last line typed

    def typed(self, text):
        """Note what the test sends: the command decides which reports are expected.
        `irqtrace on` lets hardware reports through from the moment it is typed:
        the kernel prints them from its handlers, so the first can come before
        its own `irqtrace=on` line (whole lines: kernel/console.h), and none
        can come before the kernel has turned them on."""
        for line in re.split(r"[\r\n]+", text):
            words = line.split()
            if words:
                self.command = words[0]
            if words == ["irqtrace", "on"]:
                self.irqtrace = True

    def check(self, text):
        """The first bad line in text as (name, line, why), or None. Lines are
        read in order: the guest's `irqtrace=on|off` answer switches the
        hardware interrupt reports on and off where it appears (no report
        follows the kernel's turning them off, so nothing splits `irqtrace=off`)."""
        for line in text.splitlines():
            line = line.rstrip("\r")
            if line in ("irqtrace=on", "irqtrace=off"):
                self.irqtrace = line == "irqtrace=on"
            bad = self._bad(line)
            if bad:
                return bad
        return None

    def _bad(self, line):
        for name, (pattern, why) in BAD_PATTERNS.items():
            if name in self.allowed or not re.search(pattern, line):
                continue
            if name == "trap" and (self.irqtrace or self.command in RAISING_COMMANDS):
                continue
            if name == "reset" and not self.booted:
                self.booted = True
                continue
            return name, line, why
        return None
