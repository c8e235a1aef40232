"""Prove, in the linked ELF, that every `naked` entry the CPU enters returns from the interrupt.

A naked entry is the user's own assembly: the generator only wires and keeps
it, so nothing stops one from ending in a plain function return (`ret`), which
assembles, links and looks right by hand, and goes wrong only when the vector
is taken. Each such entry is read back with the disassembler
(tools/guard_checks.py listings) and every return-like instruction in it must
be the arch's return from interrupt. An entry with no return at all is fine:
it jumps on to shared code (aarch64 and arm32 tail calls) or never returns
(a reset entry).

The arch's facts live in its model (isr/arch_<arch> NAKED_EXIT): the
interrupt returns ("returns"), the plain returns it refuses ("wrong"), both as
regular expressions over the disassembler's text, what the entry must end
with ("must"), what goes wrong otherwise ("why"), and the vectors whose naked
handler is called as a plain function by a dispatcher ("called": the GIC's
INTIDs), which are not held to it.
"""
import re

from isr import styles
from isr.load import arch_model
from tools import guard_checks

ADDRESS = re.compile(r"^\s*([0-9a-f]+):\s*(.*)$")
COMMENT = re.compile(r"\s+[#@;]\s.*$")      # x86/riscv `# 0x..`, arm `@ imm = ..`, avr `; 63`
SYMBOL = re.compile(r"\s*<[^>]*>")


def instructions(lines):
    """(address, text) per disassembled instruction, as "mnemonic operands" with
    single spaces and without the disassembler's comments and <symbol> names."""
    found = []
    for line in lines:
        match = ADDRESS.match(line)
        if not match or not match[2].strip():
            continue
        text = SYMBOL.sub("", COMMENT.sub("", match[2])).strip()
        found.append((int(match[1], 16), " ".join(text.split())))
    return found


def _any(patterns, text):
    return any(re.fullmatch(p, text) for p in patterns)


def entry_problems(where, entry, listed, exit_):
    """Problems of one naked entry from its (address, text) instructions."""
    problems = []
    for address, text in listed:
        if _any(exit_["returns"], text):
            continue
        if _any(exit_["wrong"], text):
            problems.append(f"{where}naked entry {entry} returns with `{text}` at 0x{address:x}, a plain "
                            f"function return, not a return from interrupt: {exit_['why']}; end it with "
                            f"{exit_['must']}")
    return problems


def naked_slots(manifest, exit_):
    """The naked slots whose entry the CPU itself enters (not a dispatcher's call)."""
    return [s for s in manifest["vectors"] if styles.hand_written(s["style"]) and s["vector"] not in exit_["called"]]


def check(image, manifest, elf):
    """Problems, each naming the vector, the spec line and the entry."""
    exit_ = arch_model(manifest["arch"]).NAKED_EXIT
    problems = []
    for slot in naked_slots(manifest, exit_):
        symbol = image.symbols.get(slot["entry"])
        if symbol is None or not symbol.size:
            continue                          # named by the entry checks already
        listed = guard_checks.listings(manifest["arch"], elf, image, [slot["entry"]])
        where = f"vector {slot['vector']} ({slot['name']}): {slot['where']}: "
        problems += entry_problems(where, slot["entry"], instructions(listed.get(slot["entry"], [])), exit_)
    return problems
