"""isr/kernel_symbols.py reads the kernel's sources as text, before anything is
compiled, to tell which files define each handler whose vector the kernel's
code names (ISR_VECTOR_<handler>); there the compiler's symbol tables must
agree with it. (Elsewhere the text can be wrong: a function an included .inc
file defines, a variable under #if; the scan is asked nothing else.) And every
global that another object refers to is the kernel's own for
tools/owned_symbols.py, which refuses it as a handler name at the link."""
import re

import pytest
from elftools.elf.elffile import ELFFile

from isr import kernel_symbols
from tools import owned_symbols, toolchain

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


def defined_by(arch, source):
    """The global symbols the object of source defines."""
    with open(toolchain.object_path(arch, source), "rb") as handle:
        return {s.name for s in ELFFile(handle).get_section_by_name(".symtab").iter_symbols()
                if s["st_info"]["bind"] in ("STB_GLOBAL", "STB_WEAK") and s["st_shndx"] != "SHN_UNDEF"}


def test_the_scan_finds_the_files_that_define_each_handler_the_kernel_names_by_vector(kernel):
    compared = 0
    for arch in ARCHES:
        kernel(arch)
        names = kernel_symbols.scan(toolchain.ROOT, arch, toolchain.TARGETS[arch]["sources"])
        handlers = set(names.needed) | set(names.own)
        # gen/isr.h may give a handler an assembler name (avr: `on_tick(void) __asm__("__vector_17")`).
        header = (toolchain.build_dir(arch) / "gen" / "isr.h").read_text()
        renamed = dict(re.findall(r"\b(\w+)\([^;()]*\)\s*__asm__\(\"(\w+)\"\)", header))
        for source in toolchain.sources(arch):
            compiled = defined_by(arch, source)
            scanned = kernel_symbols.definitions(str(source), (toolchain.ROOT / source).read_text())
            assert {h for h in handlers if h in scanned} == {h for h in handlers if renamed.get(h, h) in compiled}, \
                f"{arch} {source}"
        compared += len(handlers)
    assert compared, "no arch's kernel names a handler by vector: the scan was asked nothing"


@pytest.mark.parametrize("arch", ARCHES)
def test_what_another_object_refers_to_is_the_kernels_own(arch, kernel):
    """tools/owned_symbols.py, which refuses such handlers at the link, finds every one."""
    kernel(arch)
    defined, wanted = object_symbols(arch)
    objects = [toolchain.object_path(arch, s) for s in toolchain.sources(arch)]
    owned, entries = owned_symbols.why_owned(objects, toolchain.kernel_elf(arch),
                                             toolchain.linker_script(arch).relative_to(toolchain.ROOT))
    for name in sorted(set(wanted) & set(defined)):
        assert name in owned or name in entries, f"{name} is used by {wanted[name]} but is not the kernel's own"
