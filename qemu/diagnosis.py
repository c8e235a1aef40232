"""What a failure report shows about the machine: QEMU's interrupt log and the CPU's registers.

Both name each PC by function and source line when the kernel's ELF is known.
"""
import re
from pathlib import Path

from qemu import bounds
from tools.symbolize import Symbolizer


def log_summary(profile, log_path, elf=None, lines=6):
    """The last exceptions and resets that QEMU's -d log recorded, routine interrupts left
    out, each interrupted PC named by function and source line when elf is given. Only
    the log's tail is read (qemu.bounds.TAIL_BYTES): a storm's log may be 64 MB."""
    path = Path(log_path)
    if not path.exists():
        return "(no QEMU log)"
    size = path.stat().st_size
    tail = bounds.tail_text(path)
    read = "" if size <= bounds.TAIL_BYTES else f" in its last {bounds.TAIL_BYTES // bounds.MB} MB of {size / bounds.MB:.0f}"
    busiest = bounds.busiest_source(profile, tail)
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


REGISTER_LINES = 10   # the general registers and PC; x86_64 goes on with FPU and SSE state


def registers_summary(profile, registers_text, elf=None):
    """QMP's `info registers` text, its PC named first (the guest's own view of where it is)."""
    pc = re.search(profile.regs_pc, registers_text)
    registers_text = "\n".join(registers_text.splitlines()[:REGISTER_LINES])
    if not pc:
        return registers_text.rstrip()
    value = int(pc[1], 16)
    magic = [meaning for start, meaning in profile.magic_pcs if value >= start]
    if magic:
        return f"PC 0x{value:x} is {magic[-1]}\n{registers_text.rstrip()}"
    where = Symbolizer(elf).describe(value) if elf else f"0x{value:x}"
    return f"PC 0x{value:x} is in {where}\n{registers_text.rstrip()}"
