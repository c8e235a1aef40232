"""isr/kernel_symbols.py reads the kernel's sources as text, before anything is
compiled; the compiler's own symbol tables must agree with it. For every
hand-written object of the built kernel: the global symbols it defines are
exactly those the scan finds, functions and data alike, and every one that
another object refers to is refused as a handler name."""
import re

import pytest
from elftools.elf.elffile import ELFFile

from isr import kernel_symbols
from isr.load import arch_model
from tools import toolchain

ARCHES = tuple(toolchain.TARGETS)


def object_symbols(arch):
    """({defined global: is a function}, {undefined global: the sources that refer to it})."""
    defined, wanted = {}, {}
    for source in toolchain.sources(arch):
        with open(toolchain.object_path(arch, source), "rb") as handle:
            for symbol in ELFFile(handle).get_section_by_name(".symtab").iter_symbols():
                if symbol["st_info"]["bind"] not in ("STB_GLOBAL", "STB_WEAK"):
                    continue
                if symbol["st_shndx"] == "SHN_UNDEF":
                    wanted.setdefault(symbol.name, []).append(str(source))
                else:
                    defined[symbol.name] = symbol["st_info"]["type"] == "STT_FUNC"
    return defined, wanted


@pytest.mark.parametrize("arch", ARCHES)
def test_the_scan_finds_what_the_compiler_defined(arch, kernel):
    kernel(arch)
    defined, _ = object_symbols(arch)
    # gen/isr.h may give a handler an assembler name (avr: `on_tick(void) __asm__("__vector_17")`).
    header = (toolchain.build_dir(arch) / "gen" / "isr.h").read_text()
    renamed = dict(re.findall(r"\b(\w+)\([^;()]*\)\s*__asm__\(\"(\w+)\"\)", header))
    scanned = {}
    for source in toolchain.sources(arch):
        found = kernel_symbols.definitions(str(source), (toolchain.ROOT / source).read_text())
        scanned.update({renamed.get(name, name): function for name, (_, function) in found.items()})
    assert scanned == defined


@pytest.mark.parametrize("arch", ARCHES)
def test_what_another_object_refers_to_is_refused_as_a_handler(arch, kernel):
    kernel(arch)
    defined, wanted = object_symbols(arch)
    owned, entries, _ = kernel_symbols.scan(toolchain.ROOT, arch, toolchain.TARGETS[arch]["sources"],
                                            toolchain.linker_script(arch))
    reset = getattr(arch_model(arch), "RESET_VECTOR", None)
    for name in sorted(set(wanted) & set(defined)):
        refusal = kernel_symbols.refusal(name, False, owned, entries, {})
        assert refusal, f"{name} is used by {wanted[name]} but would be accepted as a handler"
    assert reset is None or all(kernel_symbols.refusal(n, True, owned, entries, {}) is None for n in entries)
