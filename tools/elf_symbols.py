"""Symbols and bytes of a linked ELF, through pyelftools."""
import struct
from collections import namedtuple
from dataclasses import dataclass

from elftools.elf.constants import SH_FLAGS
from elftools.elf.elffile import ELFFile


# An ELF symbol table entry (System V gABI, "Symbol Table"): Elf32_Sym puts
# value and size before info; Elf64_Sym puts them after shndx.
Layout = namedtuple("Layout", "format fields")
SYMBOL_LAYOUT = {32: Layout("IIIBBH", ("name", "value", "size", "info", "other", "shndx")),
                 64: Layout("IBBHQQ", ("name", "info", "other", "shndx", "value", "size"))}
SYMBOL_TYPES = {0: "STT_NOTYPE", 1: "STT_OBJECT", 2: "STT_FUNC", 3: "STT_SECTION", 4: "STT_FILE",
                5: "STT_COMMON", 6: "STT_TLS"}
STT_FILE = 4
SHN_LORESERVE = 0xFF00      # section indexes from here on are special (ABS, COMMON, ...), not sections


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
            symtab = elf.get_section_by_name(".symtab")
            table, names = symtab.data(), elf.get_section(symtab["sh_link"]).data()
            layout = SYMBOL_LAYOUT[elf.elfclass]
            order = "<" if elf.little_endian else ">"
            # ELF for the Arm Architecture (AAELF, "Symbol Values"): a Thumb
            # function's st_value has bit 0 set; its code starts one byte lower.
            self.thumb_bit = 1 if elf["e_machine"] == "EM_ARM" else 0
        # pyelftools parses symbols one by one through construct, a third of a second
        # for a kernel's few thousand: the fixed-size entries unpack at once instead.
        self.symbols = {}
        for fields in struct.iter_unpack(order + layout.format, table):
            entry = dict(zip(layout.fields, fields))
            kind = entry["info"] & 0xF                       # ELF st_info: type in the low nibble
            end = names.index(b"\0", entry["name"])
            name = names[entry["name"]:end].decode()
            if not name or kind == STT_FILE:
                continue
            index = entry["shndx"]
            section, executable = "", False
            if 0 < index < SHN_LORESERVE:
                section, _, _, flags, _, _ = self.sections[index]
                executable = bool(flags & SH_FLAGS.SHF_EXECINSTR)
            self.symbols[name] = Symbol(name, entry["value"], entry["size"], SYMBOL_TYPES.get(kind, f"STT_{kind}"),
                                        section, executable)
        self.by_address = {}
        for sym in self.symbols.values():
            if sym.kind == "STT_FUNC":
                self.by_address.setdefault(sym.address, sym.name)

    def function(self, name):
        """The symbol of function `name`, sized: itself, or, where it has no size,
        the sized function that starts at its address. A linker script's alias
        (gen/keep.ld's `__vector_19 = zig_bench_abi;`, the AVR's name for a
        language's abi handler) gets the address from ld but not the size."""
        symbol = self.symbols[name]
        if symbol.size or not symbol.executable:
            return symbol
        return next((s for s in self.symbols.values()
                     if s.address == symbol.address and s.size and s.kind == "STT_FUNC"), symbol)

    def code_address(self, name):
        """Where the code of function `name` starts: its value without the Thumb bit on Arm."""
        return self.symbols[name].address & ~self.thumb_bit

    def read(self, address, size):
        """Bytes at an address from the section that loads there, or None."""
        for name, start, length, flags, kind, data in self.sections:
            if flags & SH_FLAGS.SHF_ALLOC and kind != "SHT_NOBITS" and start <= address and \
                    address + size <= start + length:
                return data[address - start:address - start + size]
        return None
