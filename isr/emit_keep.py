"""Emit gen/keep.ld: the output section that holds the tables and keeps every handler.

The CPU reaches handlers through the table, which no code references by
section, so --gc-sections would drop the table and everything only it names.
KEEP is what stops that; with keep=False the same fragment is emitted without
it, to prove that tools/check_elf.py notices what the link then loses.

A table whose manifest entry has an "address" (MSP430: the CPU reads it at
0xFF80, the top of memory) gets an output section of its own there, after
.isr, and the location counter goes back to where .isr ended; the others
open the .isr section, which the arch's script places.
"""
from isr import languages, styles


def emit(slots, arch, banner, keep=True):
    wrap = (lambda pattern: f"KEEP({pattern})") if keep else (lambda pattern: pattern)
    # The ELF symbol of each handler: its C name, unless the arch links it under
    # another (AVR: an abi handler's assembler name is __vector_N).
    symbol_of = arch.handler_symbol
    handlers = {}
    for slot in slots:
        if styles.style(slot.style).bindable:
            handlers.setdefault(symbol_of(slot), slot)
    out = [banner, f"/* INCLUDEd by linker/{arch.NAME}.ld inside SECTIONS. */", f".isr : ALIGN({arch.TABLE_ALIGN}) {{"]
    for table in arch.TABLES:
        if "address" in table:
            continue
        out += [f"    . = ALIGN({table['align']});",
                f"    {table['start']} = .;",
                f"    {wrap('*(' + table['section'] + ')')}",
                f"    {table['end']} = .;"]
    out += ["    . = ALIGN(8);",
            "    __isr_symbols_start = .;",
            f"    {wrap('*(.isr_symbols)')}",
            "    __isr_symbols_end = .;",
            f"    {wrap('*(.text.isr_stubs)')}",
            f"    {wrap('*(.text.isr_guards)')}  /* the storm guards the table enters (isr/guard.py) */"]
    for handler, slot in handlers.items():
        out.append(f"    {wrap(f'*(.text.{handler})')}  /* vector {slot.vector} {slot.name}, {slot.style} */")
    out += ["}"]
    # A handler in another language (lang=) is defined under its own name, all
    # its compiler knows of; where the arch links a handler under another (AVR:
    # an abi handler is __vector_N), that name is an alias of it.
    out += [f"{symbol_of(slot)} = {slot.handler};  /* vector {slot.vector} {slot.name}, {slot.style}, {slot.lang} */"
            for slot in slots if slot.lang != languages.DEFAULT and symbol_of(slot) != slot.handler]
    if not keep:    # the arch's linker script asserts what only the table reaches unless this is defined
        out += ["__isr_unkept = 1;"]
    for table in arch.TABLES:
        if "address" in table:
            out += ["__isr_before_fixed = .;",
                    f".isr{table['section']} 0x{table['address']:X} : {{",
                    f"    {table['start']} = .;",
                    f"    {wrap('*(' + table['section'] + ')')}",
                    f"    {table['end']} = .;", "}", ". = __isr_before_fixed;"]
    out += [""]
    for table in arch.TABLES:
        out.append(f'ASSERT({table["start"]} % {table["align"]} == 0, '
                   f'"gen/keep.ld: the {table["name"]} table must be {table["align"]}-byte aligned")')
        if keep:   # without KEEP the table is gone on purpose: tools/check_elf.py must be the one to say so
            out.append(f'ASSERT({table["end"]} - {table["start"]} == {table["size"]}, "gen/keep.ld: the '
                       f'{table["name"]} table must be {table["size"]} bytes; was {table["section"]} dropped?")')
        if keep and "address" in table:
            out.append(f'ASSERT({table["start"]} == 0x{table["address"]:X}, "gen/keep.ld: the '
                       f'{table["name"]} table must be at 0x{table["address"]:X}, where the CPU reads it")')
    # Without KEEP the handlers go too, and lld 19 (not 14) evaluates DEFINED
    # after --gc-sections: the check, not this message, must say what was lost.
    for handler, slot in (handlers.items() if keep else ()):
        out.append(f'ASSERT(DEFINED({handler}), "{slot.where}: vector {slot.vector} ({slot.name}): '
                   f'handler {slot.handler} is named by the spec but defined nowhere; define it with the '
                   f'prototype in gen/isr.h")')
    return "\n".join(out) + "\n"
