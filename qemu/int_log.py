"""The one reader of an emulator's interrupt log (QEMU's `-d int`, or the msp430
bridge's log of the simulator's IRQs).

The log's grammar is the arch's (isr/arch_<arch>/machine.py): the profile's
log_* patterns for a failure's summary and a storm's source, log_pattern(slot)
for one vector's line, log_entries(text) for every entry as data. This module
reads the file (bounded: qemu/bounds.py) and asks the grammar; the console,
the endings, explain and the tests all read the log through it.
"""
import collections
import re
from pathlib import Path

from isr.load import arch_model
from qemu import bounds
from tools.symbolize import Symbolizer


def entries(arch, text):
    """Every interrupt or exception the log text records, as the arch's dicts."""
    return arch_model(arch).machine.log_entries(text)


def lines_for(arch, slot, lines):
    """The log lines that record this manifest slot's vector being taken, with the
    "..." detail lines after each; None where the emulator logs no interrupts."""
    pattern = arch_model(arch).machine.log_pattern(slot)
    if pattern is None:
        return None
    return [[line.rstrip()] + [d.rstrip() for d in lines[i + 1:i + 4] if d.startswith("...")]
            for i, line in enumerate(lines) if re.search(pattern, line)]


def summary(profile, log_path, elf=None, lines=6):
    """The last exceptions and resets that QEMU's -d log recorded, routine interrupts left
    out, each interrupted PC named by function and source line when elf is given. Only
    the log's tail is read (qemu.bounds.TAIL_BYTES): a storm's log may be 64 MB."""
    path = Path(log_path)
    if not path.exists():
        return "(no QEMU log)"
    size = path.stat().st_size
    tail = bounds.tail_text(path)
    read = "" if size <= bounds.TAIL_BYTES else f" in its last {bounds.TAIL_BYTES // bounds.MB} MB of {size / bounds.MB:.0f}"
    busiest = busiest_source(profile, tail)
    events = [line.strip() for line in tail.splitlines()
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
    most = [f"(most logged{read}: {busiest})"] if busiest else []
    return "\n".join(notable + [f"({routine} routine interrupts not shown{read})"] + most)


def busiest_source(profile, log_tail):
    """What fills a log, in words: the interrupt the emulator's tail names most
    often (Profile.log_source), as 'NAME (N of the last M entries)'; None when
    the profile cannot tell sources apart or the tail names none."""
    if not profile.log_source:
        return None
    names = re.findall(profile.log_source, log_tail, re.M)
    if not names:
        return None
    name, count = collections.Counter(names).most_common(1)[0]
    return f"{name} ({count} of the last {len(names)} interrupts it logged)"


def file_cap_words(profile, log_tail, cap=bounds.EMULATOR_FILE_CAP):
    """The ending's words for an emulator that the file cap stopped, from its log's tail."""
    size = f"{cap // bounds.MB} MB" if cap >= bounds.MB else f"{cap} bytes"
    source = busiest_source(profile, log_tail)
    filled = f" {source} fills it." if source else ""
    return (f"{profile.emulator}'s log passed {size} (its file cap, qemu/bounds.py): "
            f"an interrupt storm?{filled} A handler that does not acknowledge its source is "
            f"entered again the moment it returns")
