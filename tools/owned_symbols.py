"""Handlers that are the kernel's own code or data, found in the compiled
objects and the linked ELF with pyelftools, as Zephyr's gen_isr_tables.py
reads its first link.

A handler is a function that only the table reaches. These are the kernel's
own: a function that a hand-written object defines and another one refers to
(kmain, memset, recovery_resume), a variable or data label (ticks), what the
boot code defines, what the linker script or a library defines
(__stack_top), and the ELF's entry point, except at the CPU's reset vector
(Cortex-M's Reset). Bound to a vector, the CPU would jump into the middle of
the kernel's business: the kernel links and checks green, then breaks at run
time. tools/toolchain.py link asks problems() of every link and, if there is
any, writes no kernel.

The generator cannot ask this: the objects are compiled against its
gen/isr.h. The compiler's symbol tables are also the truth the generator
could only guess at from the sources' text (a function a macro defines, a
name a header only mentions).
"""
import re
from pathlib import Path

from elftools.elf.elffile import ELFFile

GENERATED_OBJECTS = ("isr_table.S.o", "isr_stubs.S.o", "isr_info.c.o")
_GLOBAL = ("STB_GLOBAL", "STB_WEAK")


def source_of(obj):
    """kernel/main.c for .../obj/kernel/main.c.o: every builder (dodo.py, the
    variant builders) keeps a hand-written source's object at obj/<its path>.o.
    An object compiled on its own elsewhere (a test's extra file) is named as it is."""
    parts = Path(obj).parts
    if "obj" not in parts:
        return str(obj)
    start = len(parts) - parts[::-1].index("obj")
    return str(Path(*parts[start:]))[:-len(".o")]


def _globals(path):
    """[(name, defined, is a function)] of the global symbols of an ELF file."""
    with open(path, "rb") as handle:
        symtab = ELFFile(handle).get_section_by_name(".symtab")
        return [(s.name, s["st_shndx"] != "SHN_UNDEF", s["st_info"]["type"] == "STT_FUNC")
                for s in symtab.iter_symbols() if s.name and s["st_info"]["bind"] in _GLOBAL]


def _entry(elf):
    """The names of the global symbols at the linked ELF's entry point (Thumb's low bit aside)."""
    with open(elf, "rb") as handle:
        image = ELFFile(handle)
        entry = image.header["e_entry"] & ~1
        symtab = image.get_section_by_name(".symtab")
        return {s.name for s in symtab.iter_symbols()
                if s.name and s["st_info"]["bind"] in _GLOBAL and s["st_shndx"] != "SHN_UNDEF"
                and s["st_value"] & ~1 == entry}


def _entry_line(script):
    text = Path(script).read_text(errors="replace")
    match = re.search(r"\bENTRY\s*\(", text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def why_owned(objects, elf, script):
    """{name: why it is the kernel's own} and {entry name: why} for the link of
    objects into elf with script (a path relative to the checkout, for messages)."""
    defined, used, generated = {}, {}, set()
    for obj in objects:
        if Path(obj).name in GENERATED_OBJECTS:
            generated |= {name for name, is_defined, _ in _globals(obj) if is_defined}
            continue
        source = source_of(obj)
        for name, is_defined, function in _globals(obj):
            if is_defined:
                defined.setdefault(name, (source, function))
            else:
                used.setdefault(name, []).append(source)
    owned = {}
    for name, (source, function) in defined.items():
        others = [user for user in used.get(name, []) if user != source]
        if not function:
            owned[name] = f"a variable or data label defined in {source}"
        elif source.startswith("boot/"):
            owned[name] = f"boot code defined in {source}"
        elif others:
            owned[name] = f"defined in {source} and used by {others[0]}"
    for name, is_defined, _ in _globals(elf):
        if is_defined and name not in defined and name not in generated:
            owned.setdefault(name, f"defined by {script} or a library the link adds, not by any object")
    line = _entry_line(script)
    entries = {name: f"the ELF entry point, ENTRY in {script}" + (f":{line}" if line else "")
               for name in _entry(elf)}
    return owned, entries


def problems(manifest, objects, elf, script, reset_vector=None):
    """One message per spec binding whose handler is the kernel's own, with its
    spec line. manifest: gen/manifest.json as a dict; reset_vector: the vector
    whose handler is the ELF's entry by design (the arch model's RESET_VECTOR)."""
    owned, entries = why_owned(objects, elf, script)
    found = []
    for slot in manifest["vectors"]:
        if slot["style"] == "default":
            continue
        name, at = slot["handler"], f"{slot['where']}: vector {slot['vector']} ({slot['name']}): handler '{slot['handler']}'"
        if name in entries:
            if slot["vector"] != reset_vector:
                found.append(f"{at} is the kernel's boot code ({entries[name]}): the CPU would restart the "
                             f"kernel from it; define a handler of your own and bind that")
        elif name in owned:
            found.append(f"{at} is the kernel's own symbol ({owned[name]}): the CPU would enter it as if it "
                         f"were a handler; define a handler of your own and bind that")
    return found


def compile_clashes(messages, manifest, source):
    """For a compile of source that failed: one message per spec binding whose
    handler the compiler's errors name. gen/isr.h declares every handler, so a
    handler named like something the kernel declares otherwise (memset, ticks)
    fails the compile of each file that sees both, before any object can say whose
    the name is."""
    errors = [line for line in messages.splitlines() if "error" in line]
    found = []
    for slot in manifest["vectors"]:
        name = slot["handler"]
        if slot["style"] == "default" or not any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", e) for e in errors):
            continue
        found.append(f"{slot['where']}: vector {slot['vector']} ({slot['name']}): handler '{name}' clashes with the "
                     f"kernel's own {name} (the compiler's error above, compiling {source}): a handler must be a "
                     f"function of its own; define one with another name and bind that")
    return found
