"""Prove a linked kernel against its manifest: what --gc-sections kept, and what the table points at.

Usage: .venv/bin/python -m tools.check_elf KERNEL.elf MANIFEST.json
Every problem names the vector and the symbol; exit status 1 if there is any.
Arches whose `abi` handlers need a particular return instruction (arm32) are
also held to it by tools/return_checks.py, every naked entry the CPU enters to
the arch's return from interrupt by tools/naked_checks.py, and every storm
guard to the entry behind it by tools/guard_checks.py.
"""
import json
import sys

from isr import styles
from isr.load import arch_model
from tools import guard_checks, naked_checks, return_checks
from tools.elf_symbols import Image


def _function_problems(image, name, role):
    sym = image.symbols.get(name)
    if sym is None:
        return [f"{role} {name} is not in the ELF: dropped by --gc-sections (is it KEPT by gen/keep.ld?) "
                f"or never defined"]
    problems = []
    if sym.kind != "STT_FUNC":
        problems.append(f"{role} {name} is {sym.kind}, not a function: declare it with .type {name}, @function")
    if not sym.executable:
        problems.append(f"{role} {name} sits in {sym.section or 'no section'}, which is not executable")
    return problems


def _table_slots(image, arch, table, problems):
    """{vector: (target, fields)} for one table of the manifest, decoded by the arch's reader
    (isr/arch_<arch>/decode_table.py)."""
    start, end = image.symbols.get(table["start"]), image.symbols.get(table["end"])
    if start is None or end is None:
        problems.append(f"table bounds {table['start']}/{table['end']} missing: gen/keep.ld was not linked")
        return {}
    if start.address % table["align"]:
        problems.append(f"{table['name']} table at 0x{start.address:x} is not {table['align']}-byte aligned")
    size = end.address - start.address
    if size != table["size"]:
        problems.append(f"{table['name']} table is {size} bytes, the manifest expects {table['size']}: "
                        f"dropped by --gc-sections without KEEP(*({table['section']}))?")
    data = image.read(start.address, size) or b""
    return arch_model(arch).decode_table.DECODERS[table["format"]](data, table, start.address)


def _fixed_problems(image, entries, table):
    """Table words that hold a linker symbol rather than a handler (Cortex-M word 0: the initial SP)."""
    problems = []
    for word, name in table.get("fixed", {}).items():
        symbol, entry = image.symbols.get(name), entries.get(int(word))
        if symbol is None or entry is None:
            problems.append(f"table word {word}: {name} or the word itself is missing from the ELF")
        elif entry[0] != symbol.address:
            problems.append(f"table word {word} is 0x{entry[0]:x}, the manifest names {name} at 0x{symbol.address:x}")
    return problems


def check(elf_path, manifest_path):
    """Return the list of problems (empty when the kernel matches its manifest)."""
    manifest = json.loads(open(manifest_path).read())
    image = Image(elf_path)
    problems = []
    entries = {}
    for table in manifest["tables"]:
        slots = _table_slots(image, manifest["arch"], table, problems)
        problems += _fixed_problems(image, slots, table)
        entries.update(slots)
    for slot in manifest["vectors"]:
        where = f"vector {slot['vector']} ({slot['name']}): "
        style = styles.style(slot["style"])
        if style.bindable:
            where += f"{slot['where']}: "
        found = _function_problems(image, slot["entry"], "entry")
        if style.bindable and style.generated_entry:        # the generated entry calls the spec's handler
            found += _function_problems(image, slot["handler"], "handler")
        if slot["guard"]:
            found += _function_problems(image, slot["guard"], "storm guard")
        target = slot["guard"] or slot["entry"]        # the CPU enters a guarded vector through its guard
        entry = entries.get(slot["vector"])
        expected = image.symbols.get(target)
        if entry is None:
            found.append("no table entry")
        elif expected is not None:
            address, fields = entry
            if address != expected.address:
                actual = image.by_address.get(address, "no function")
                found.append(f"table points at 0x{address:x} ({actual}), the manifest names "
                             f"{target} at 0x{expected.address:x}")
            for key, want in slot["table_entry"].items():
                if fields.get(key) != want:
                    found.append(f"table {key} is {fields.get(key)!r}, the spec implies {want!r}")
        problems += [where + p for p in found]
    problems += return_checks.check(image, manifest)
    problems += naked_checks.check(image, manifest, elf_path)
    problems += guard_checks.check(image, manifest, elf_path)
    return problems


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    problems = check(*argv)
    manifest = json.loads(open(argv[1]).read())
    if problems:
        print(f"{argv[0]}: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    bound = sum(1 for s in manifest["vectors"] if styles.style(s["style"]).bindable)
    print(f"{argv[0]}: {len(manifest['vectors'])} table entries and {bound} spec handlers check out")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
