"""Emit gen/isr_table.S: the VBAR_EL1 table and the GIC table.

VBAR_EL1 holds code, not addresses: the CPU jumps to base + 0x80 * entry
(Arm ARM D1.10.2). 32 instructions cannot save 31 registers and call C, so
each entry is one B to its stub, default entry or naked handler, padded to
0x80 bytes; decode_table.py decodes that branch back.
"""


from isr.guard import table_target


def emit(slots, arch, banner):
    out = [banner, '    .section .isr_table, "ax"', f"    .balign {arch.TABLE_ALIGN}"]
    for slot in slots[:arch.VBAR_ENTRIES]:
        target = slot.entry if slot.style == "default" else f"{slot.entry} -> {slot.handler}"
        out += [f"    .balign {arch.TABLE_ENTRY_SIZE}",
                f"    /* {slot.vector} {slot.name} at +0x{slot.vector * arch.TABLE_ENTRY_SIZE:03x}: "
                f"{slot.style} {target} */",
                f"    b {table_target(slot, arch)}"]
    out += [f"    .balign {arch.TABLE_ENTRY_SIZE}   /* pad the last entry: the table is 2 KiB */", "",
            '    .section .isr_gic_table, "a"', "    .balign 8"]
    for slot in slots[arch.VBAR_ENTRIES:]:
        fields = arch.table_fields(slot)
        out += [f"    /* INTID {slot.vector - arch.IRQ_BASE} {slot.name}: {slot.style} {slot.entry} */",
                f"    .quad {slot.entry}",
                f"    .byte 0x{fields['priority']:02x}, {fields['enabled']}",
                f"    .short {slot.vector - arch.IRQ_BASE}",
                "    .long 0"]
    return "\n".join(out) + "\n"
