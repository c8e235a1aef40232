"""What each handler style costs on entry, read statically from the linked kernel.

Usage: .venv/bin/python -m reports.handler_cost [ARCH ...]      (default: every arch that is built)

For every vector the spec binds, the entry path is disassembled with llvm-objdump:
the table's entry, the shared code a generated stub jumps to (isr_trap_common and
the like), and, for a stub, the C handler it calls. Two figures per vector:
- saved: the register words that path stores to the stack before the handler's own
  work: a stub saves every general register whatever the handler uses; an `abi`
  function saves only what it uses, and all the caller-saved registers as soon as
  it calls an ordinary function (the compiler cannot know what the callee clobbers);
- bytes: the code size of that path.
Words the CPU itself pushes are left out: they are the same for every style (x86_64
SS/RSP/RFLAGS/CS/RIP, Cortex-M r0-r3/r12/lr/pc/xPSR, AVR the return PC, MSP430 PC/SR). Static figures: TCG timings
say nothing about real hardware, but a register saved is a store on any CPU.
"""
import functools
import json
import re
import statistics
import subprocess
import sys
from collections import defaultdict

from isr import arches, styles
from tools import toolchain
from tools.elf_symbols import Image

# A store of register words to the stack, and how many words it stores: each
# arch's isr/arch_<arch>/listing.py.
SAVES = {name: model.listing.SAVES for name, model in arches.models().items()}

# An unconditional direct jump (not a call) and the symbol it names: how a stub
# reaches the shared save code.
JUMP = re.compile(r"^(?:jmp|b|b\.w|j)\s+0x[0-9a-f]+ <([\w.$]+)>")
# One disassembled instruction line: address, then the instruction text.
INSTRUCTION = re.compile(r"^\s*[0-9a-f]+:\s+(.+?)\s*(?:[#@;].*)?$")


# avr-objdump names a jump's target in a comment ("jmp 0x11c ; 0x11c <name>"):
# fold it into the instruction text, where JUMP looks for it.
TARGET_COMMENT = re.compile(r"\s*;\s*0x[0-9a-f]+ (<[\w.$]+>)")


def _disassemble_range(arch, elf, symbol):
    """For an arch whose own objdump decodes better than llvm-objdump (AVR: LLVM 14
    does not decode PUSH): its binutils 2.26 has no --disassemble=SYMBOL, so give
    the function's address range (an alias's is its function's: Image.function)."""
    sym = Image(elf).function(symbol)
    result = subprocess.run([toolchain.TARGETS[arch]["objdump"], "-d", "--no-show-raw-insn",
                             f"--start-address={sym.address}", f"--stop-address={sym.address + max(sym.size, 2)}",
                             str(elf)], capture_output=True, text=True, check=True)
    lines = [TARGET_COMMENT.sub(r" \1", line) for line in result.stdout.splitlines()]
    return [m[1] for m in map(INSTRUCTION.match, lines) if m]


def disassemble(arch, elf, symbol):
    """The instruction texts of one function."""
    if "objdump" in toolchain.TARGETS[arch]:
        return _disassemble_range(arch, elf, symbol)
    result = subprocess.run(["llvm-objdump", "-d", "--no-show-raw-insn", f"--triple={toolchain.TARGETS[arch]['triple']}",
                             f"--disassemble-symbols={symbol}", str(elf)], capture_output=True, text=True, check=True)
    return [m[1] for m in map(INSTRUCTION.match, result.stdout.splitlines()) if m]


def saved_words(arch, instructions):
    total = 0
    for text in instructions:
        for pattern, words in SAVES[arch]:
            match = pattern.match(text)
            if match:
                total += words(match)
                break
    return total


def dispatched_through(manifest, slot):
    """The vector whose handler dispatches this one (a table that the CPU does not
    read, such as aarch64's GIC table behind gic_dispatch), or None."""
    for table in manifest["tables"]:
        first = table["first_vector"]
        if not first <= slot["vector"] < first + table["count"]:
            continue
        if "dispatcher" in table:
            return next((s for s in manifest["vectors"] if s["handler"] == table["dispatcher"]), None)
        if "dispatcher_vectors" in table:      # arm32: the IRQ or the FIQ entry, as the slot's group says
            return manifest["vectors"][table["dispatcher_vectors"]["fiq" if slot["options"].get("fiq") else "irq"]]
    return None


def entry_path(listing, image, slot):
    """The functions an interrupt on this vector runs before the handler's work:
    the entry, what it jumps to inside the generated .isr section, and a stub's C handler.
    listing(symbol) gives a function's instructions."""
    path, pending = [], [slot["entry"]]
    while pending:
        name = pending.pop()
        if name in path or name not in image.symbols:
            continue
        path.append(name)
        if not styles.style(slot["style"]).generated_entry:
            continue
        for text in listing(name):
            jump = JUMP.match(text)
            if jump and image.symbols.get(jump[1]) and image.symbols[jump[1]].section == ".isr":
                pending.append(jump[1])
    if styles.style(slot["style"]).generated_entry and slot["handler"] not in path:
        path.append(slot["handler"])
    return path


def costs(arch, elf=None, manifest=None):
    """[(slot, path, saved words, bytes)] for every vector the spec binds, in the
    arch's kernel or in a variant (elf and its manifest, as a dict: reports/cost.py)."""
    elf = elf or toolchain.kernel_elf(arch)
    if manifest is None:
        manifest = json.loads((toolchain.build_dir(arch) / "gen" / "manifest.json").read_text())
    image = Image(elf)
    # Stub entries, shared save code and dispatchers sit on many paths: disassemble each once.
    listing = functools.cache(lambda symbol: disassemble(arch, elf, symbol))
    rows = []
    for slot in manifest["vectors"]:
        if not styles.style(slot["style"]).bindable:
            continue
        path = entry_path(listing, image, slot)
        dispatcher = dispatched_through(manifest, slot)
        if dispatcher is not None:
            path = entry_path(listing, image, dispatcher) + [n for n in path if n != dispatcher["handler"]]
        saved = sum(saved_words(arch, listing(name)) for name in path)
        size = sum(image.function(name).size for name in path)
        rows.append((slot, path, saved, size))
    return rows


def report(arch):
    rows = costs(arch)
    print(f"{arch}: register words saved on the way into each handler (CPU-pushed words left out)")
    print(f"  {'vec':>4} {'name':<16} {'style':<6} {'saved':>5} {'bytes':>6}  path")
    by_style = defaultdict(list)
    for slot, path, saved, size in rows:
        by_style[slot["style"]].append(saved)
        print(f"  {slot['vector']:>4} {slot['name']:<16} {slot['style']:<6} {saved:>5} {size:>6}  {' -> '.join(path)}")
    for style, values in sorted(by_style.items()):
        print(f"  {style}: median {statistics.median(values):g} words saved, "
              f"{min(values)}-{max(values)} over {len(values)} vector(s)")


def main(argv):
    arches = argv or [a for a in toolchain.TARGETS if toolchain.kernel_elf(a).exists()]
    if not arches:
        print("no kernel built: run `tools/setup && .venv/bin/python -m doit` first", file=sys.stderr)
        return 1
    for arch in arches:
        if arch not in toolchain.TARGETS:
            print(f"unknown arch {arch!r}; known: {', '.join(toolchain.TARGETS)}", file=sys.stderr)
            return 2
        report(arch)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
