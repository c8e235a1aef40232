"""Every line the kernel prints is whole (kernel/console.h): a report that a
handler prints while the shell writes lands between two of its lines, never
inside one, and a report that finds the console in the middle of a line (at
the prompt) starts a line of its own."""
import re

import pytest

from isr import arches

from tests.qemu.report import REPORT

ARCHES = arches.names()
# Rounds of `vectors` with irqtrace on until a tick's report lands between two
# rows of the table; each round starts at another phase of the tick.
ROUNDS = 40


def typed(console, command):
    """Everything the command printed up to the next prompt, its echo included
    (Console.run strips an echo only when nothing comes before it)."""
    console.send(command + "\r")
    return console.wait_prompt().replace("\r", "")


def split_output(output, command):
    """(echo, table) of a command's output with reports in it: the lines before
    the first that is not a report, an empty line or a piece of the echo, and the rest."""
    lines = output.splitlines()
    for i, line in enumerate(lines):
        if not (REPORT.match(line) or line == "" or line in command):
            return lines[:i], lines[i:]
    return lines, []


@pytest.mark.parametrize("arch", ARCHES)
def test_a_report_lands_between_two_lines_never_inside_one(boot_console, kernel, arch):
    console = boot_console(arch, kernel(arch))
    quiet = console.run("vectors").splitlines()       # the table with no report in it
    assert quiet, "vectors printed nothing"
    console.run("irqtrace on")
    amid = []
    for _ in range(ROUNDS):
        output = typed(console, "vectors")
        echo, table = split_output(output, "vectors")
        assert "".join(line for line in echo if not REPORT.match(line)) == "vectors", \
            f"the echo of `vectors` came in pieces that are not it:\n{output}"
        for line in table:
            assert REPORT.match(line) or line in quiet, \
                f"a line that is neither a report nor a row of the table:\n    {line!r}\nin:\n{output}"
        rows = [i for i, line in enumerate(table) if not REPORT.match(line)]
        assert [table[i] for i in rows] == quiet, f"the table's rows changed or went missing:\n{output}"
        amid += [line for i, line in enumerate(table) if rows[0] < i < rows[-1]]
        if amid:
            break
    console.run("irqtrace off")
    assert amid, f"in {ROUNDS} rounds no report came while the table was being written: nothing was tried"


@pytest.mark.emulator_only("emulator process (its exit code, its signals)")
@pytest.mark.parametrize("arch", ARCHES)
def test_a_report_at_the_prompt_starts_a_line_of_its_own(boot_console, kernel, arch):
    console = boot_console(arch, kernel(arch))
    console.run("irqtrace on")                         # returns at the next prompt, which waits for input
    console.expect(r"\[trap\] vec=")
    assert re.fullmatch(r"\r*\n", console.child.before), \
        f"after the prompt, before the first report: {console.child.before!r} (a new line was expected)"
    console.run("irqtrace off")
