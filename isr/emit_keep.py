"""Emit gen/keep.ld: the output section that holds the tables and keeps every handler.

The CPU reaches handlers through the table, which no code references by
section, so --gc-sections would drop the table and everything only it names.
KEEP is what stops that; with keep=False the same fragment is emitted without
it, to prove that tools/check_elf.py notices what the link then loses.
"""


def emit(slots, arch, banner, keep=True):
    wrap = (lambda pattern: f"KEEP({pattern})") if keep else (lambda pattern: pattern)
    handlers = {}
    for slot in slots:
        if slot.style != "default":
            handlers.setdefault(slot.handler, slot)
    out = [banner, f"/* INCLUDEd by linker/{arch.NAME}.ld inside SECTIONS, before .text. */",
           f".isr : ALIGN({arch.TABLE_ALIGN}) {{",
           "    __isr_table_start = .;",
           f"    {wrap('*(.isr_table)')}",
           "    __isr_table_end = .;",
           "    . = ALIGN(8);",
           "    __isr_symbols_start = .;",
           f"    {wrap('*(.isr_symbols)')}",
           "    __isr_symbols_end = .;",
           f"    {wrap('*(.text.isr_stubs)')}"]
    for handler, slot in handlers.items():
        out.append(f"    {wrap(f'*(.text.{handler})')}  /* vector {slot.vector} {slot.name}, {slot.style} */")
    out += ["}", ""]
    out.append(f'ASSERT(__isr_table_start % {arch.TABLE_ALIGN} == 0, '
               f'"gen/keep.ld: the interrupt table must be {arch.TABLE_ALIGN}-byte aligned")')
    for handler, slot in handlers.items():
        out.append(f'ASSERT(DEFINED({handler}), "{slot.where}: vector {slot.vector} ({slot.name}): '
                   f'handler {handler} is named by the spec but defined nowhere; define it with the '
                   f'prototype in gen/isr.h")')
    return "\n".join(out) + "\n"
