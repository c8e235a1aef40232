"""Emit gen/isr_table.S: the VBAR table and the GIC table.

VBAR holds code (ARMv7-A ARM B1.8.1): the CPU executes the word at
VBAR + 4 * vector, so each word is one ARM-state B to its entry, which
decode_table.py decodes back.
"""


from isr.guard import table_target


def emit(slots, arch, banner):
    out = [banner, "    .arm", '    .section .isr_table, "ax"', f"    .balign {arch.TABLE_ALIGN}"]
    for slot in slots[:arch.VBAR_ENTRIES]:
        target = slot.entry if slot.style in ("default", "naked") or slot.entry == slot.handler \
            else f"{slot.entry} -> {slot.handler}"
        kind = f' interrupt("{slot.option("kind")}")' if slot.style == "abi" else ""
        out += [f"    /* {slot.vector} {slot.name} at +0x{slot.vector * arch.TABLE_ENTRY_SIZE:02x}: "
                f"{slot.style}{kind} {target} */",
                f"    b {table_target(slot, arch)}"]
    out += ["", '    .section .isr_gic_table, "a"', "    .balign 4"]
    for slot in slots[arch.VBAR_ENTRIES:]:
        fields = arch.table_fields(slot)
        out += [f"    /* INTID {slot.vector - arch.IRQ_BASE} {slot.name}: {slot.style} {slot.entry}"
                f"{', FIQ' if fields['fiq'] else ''} */",
                f"    .long {slot.entry}",
                f"    .byte 0x{fields['priority']:02x}, {fields['fiq']}, {fields['enabled']}, "
                f"{slot.vector - arch.IRQ_BASE}"]
    return "\n".join(out) + "\n"
