"""Address -> function+offset and source line, from a kernel's symbols and DWARF line table.

Usage: .venv/bin/python -m tools.symbolize KERNEL.elf ADDRESS...
"""
import bisect
import os
import sys

from elftools.elf.elffile import ELFFile

from tools.elf_symbols import Image


class Symbolizer:
    def __init__(self, elf_path):
        self.image = Image(elf_path)
        self.functions = sorted((s.address, s.size, s.name) for s in self.image.symbols.values()
                                if s.kind == "STT_FUNC")
        self.rows = self._line_rows(elf_path)
        self.row_addresses = [row[0] for row in self.rows]

    @staticmethod
    def _line_rows(elf_path):
        """(address, file, line) for every row of every line program, sorted by address."""
        rows = []
        with open(elf_path, "rb") as handle:
            elf = ELFFile(handle)
            if not elf.has_dwarf_info():
                return rows
            dwarf = elf.get_dwarf_info()
            try:
                units = list(dwarf.iter_CUs())
            except AssertionError:      # pyelftools reads only 4- and 8-byte addresses; MSP430's are 2
                return rows
            for unit in units:
                program = dwarf.line_program_for_CU(unit)
                if program is None:
                    continue
                entries = program["file_entry"]
                directories = program["include_directory"]
                for entry in program.get_entries():
                    state = entry.state
                    if state is None or state.end_sequence:
                        continue
                    # DWARF 5 numbers files from 0, earlier versions from 1.
                    index = state.file if program.header["version"] >= 5 else state.file - 1
                    if not 0 <= index < len(entries):
                        continue
                    file_entry = entries[index]
                    name = file_entry.name.decode()
                    if file_entry.dir_index < len(directories) and not os.path.isabs(name):
                        name = os.path.join(directories[file_entry.dir_index].decode(), name)
                    rows.append((state.address, os.path.relpath(name), state.line))
        rows.sort()
        return rows

    def function(self, address):
        """(name, offset) of the function holding address, or None."""
        i = bisect.bisect_right(self.functions, (address, float("inf"), "")) - 1
        if i >= 0:
            start, size, name = self.functions[i]
            if start <= address < start + max(size, 1):
                return name, address - start
        return None

    def line(self, address):
        """(file, line) of the last line-table row at or before address, or None."""
        i = bisect.bisect_right(self.row_addresses, address) - 1
        return self.rows[i][1:] if i >= 0 else None

    def describe(self, address):
        where = self.function(address)
        text = f"{where[0]}+0x{where[1]:x}" if where else f"0x{address:x}"
        line = self.line(address) if where else None
        return f"{text} ({line[0]}:{line[1]})" if line else text


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    symbolizer = Symbolizer(argv[0])
    for text in argv[1:]:
        address = int(text, 16)
        print(f"0x{address:x}: {symbolizer.describe(address)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
