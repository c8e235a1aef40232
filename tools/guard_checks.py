"""Prove, in the linked ELF, that every storm guard goes on to the entry its vector names.

The table of a guarded vector holds `isr_guard_<vector>` (isr/guard.py), so the
table check (tools/check_elf.py) proves only that the CPU reaches the guard.
This reads each guard's instructions back (the disassembler names every
address it can in `<symbol>`) and requires that the only code it names, besides
itself, its budget and the storm report, is the manifest's entry for that vector.
"""
import re
import subprocess

from tools import toolchain
from tools.elf_symbols import Image

HEADER = re.compile(r"^[0-9a-f]+ <([\w.$]+)>:$")
NAMED = re.compile(r"<([\w.$]+?)(?:\+(0x[0-9a-f]+))?>")
BARE_TARGET = re.compile(r"^\s*[0-9a-f]+:\s+(?:br|call|jmp)\s+#(\d+)\s*$")   # msp430's objdump: no <name>
# What a guard may reach besides its own entry: its counter and the storm report.
OWN = ("storm_budget", "isr_storm_trip", "storm_tripped")


def listings(arch, elf, image, guards):
    """{function: its disassembly lines}, from one disassembler run over all of them
    (tools/naked_checks.py reads naked entries back with it too).
    A label of the assembler's own (.Lpcrel_hi1) continues the function it is in."""
    # A Thumb function starts one byte below its symbol's value (image.code_address),
    # else the listing runs into the halfword after it (lld's 0xd4d4 filler reads
    # as a `bmi` to some other function), and llvm-objdump 19 shows nothing of a
    # function whose listing starts at its odd address.
    start = min(image.code_address(g) for g in guards)
    stop = max(image.code_address(g) + image.symbols[g].size for g in guards)
    objdump = toolchain.TARGETS[arch].get("objdump")
    argv = ([objdump] if objdump else ["llvm-objdump", f"--triple={toolchain.TARGETS[arch]['triple']}"])
    result = subprocess.run(argv + ["-d", "--no-show-raw-insn", f"--start-address={start}",
                                    f"--stop-address={stop}", str(elf)], capture_output=True, text=True, check=True)
    listings, current = {}, None
    for line in result.stdout.splitlines():
        header = HEADER.match(line.strip())
        if header and not header[1].startswith(".L"):
            current = listings.setdefault(header[1], [])
        elif current is not None and not header:
            current.append(line)
    return listings


def _targets(image, lines):
    """Every address a guard's instructions name: by symbol (plus offset), or bare."""
    found = set()
    for line in lines:
        for name, offset in NAMED.findall(line):
            # an assembler-local label (.Lpcrel_hi4) is no target: clang 19 keeps such
            # labels in the symbol table, one of a name per object, so a name can be another file's
            if name in image.symbols and not name.startswith(".L"):
                found.add(image.symbols[name].address + int(offset or "0", 16))
        bare = BARE_TARGET.match(line)
        if bare:
            found.add(int(bare[1]))
    return found


def _within(address, symbol):
    return symbol.address <= address < symbol.address + max(symbol.size, 1)


def check(image, manifest, elf):
    """Problems, each naming the vector, the spec line and the guard."""
    slots = [s for s in manifest["vectors"] if s["guard"] and s["guard"] in image.symbols]
    if not slots:
        return []
    listed = listings(manifest["arch"], elf, image, [s["guard"] for s in slots])
    own = [image.symbols[name] for name in OWN if name in image.symbols]
    problems = []
    for slot in slots:
        guard, where = slot["guard"], f"vector {slot['vector']} ({slot['name']}): {slot['where'] or 'default'}: "
        entry = image.symbols.get(slot["entry"])
        targets = _targets(image, listed.get(guard, []))
        others = sorted(a for a in targets if not (entry and a == entry.address) and
                        not any(_within(a, s) for s in [image.symbols[guard], *own]))
        if entry is None or entry.address not in targets:
            problems.append(f"{where}storm guard {guard} never goes to {slot['entry']}, the vector's entry")
        if others:
            named = ", ".join(image.by_address.get(a, f"0x{a:x}") for a in others)
            problems.append(f"{where}storm guard {guard} goes to {named} too: a guard goes only to "
                            f"{slot['entry']} (a BUG of isr/guard.py's emitters)")
    return problems
