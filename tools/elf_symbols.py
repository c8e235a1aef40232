"""Symbols and bytes of a linked ELF, through pyelftools."""
from dataclasses import dataclass

from elftools.elf.constants import SH_FLAGS
from elftools.elf.elffile import ELFFile


@dataclass(frozen=True)
class Symbol:
    name: str
    address: int
    size: int
    kind: str           # STT_FUNC, STT_OBJECT, STT_NOTYPE, ...
    section: str        # name of the section that holds it ("" if absolute or undefined)
    executable: bool    # that section has SHF_EXECINSTR


class Image:
    """A linked kernel: symbols by name and address, and memory reads by address."""

    def __init__(self, path):
        with open(path, "rb") as handle:
            elf = ELFFile(handle)
            self.sections = [(s.name, s["sh_addr"], s["sh_size"], s["sh_flags"], s["sh_type"],
                              s.data() if s["sh_type"] != "SHT_NOBITS" else b"")
                             for s in elf.iter_sections()]
            self.symbols = {}
            for sym in elf.get_section_by_name(".symtab").iter_symbols():
                index = sym["st_shndx"]
                name, executable = "", False
                if isinstance(index, int) and index > 0:
                    name, _, _, flags, _, _ = self.sections[index]
                    executable = bool(flags & SH_FLAGS.SHF_EXECINSTR)
                if sym.name and sym["st_info"]["type"] != "STT_FILE":
                    self.symbols[sym.name] = Symbol(sym.name, sym["st_value"], sym["st_size"],
                                                    sym["st_info"]["type"], name, executable)
        self.by_address = {}
        for sym in self.symbols.values():
            if sym.kind == "STT_FUNC":
                self.by_address.setdefault(sym.address, sym.name)

    def read(self, address, size):
        """Bytes at an address from the section that loads there, or None."""
        for name, start, length, flags, kind, data in self.sections:
            if flags & SH_FLAGS.SHF_ALLOC and kind != "SHT_NOBITS" and start <= address and \
                    address + size <= start + length:
                return data[address - start:address - start + size]
        return None
