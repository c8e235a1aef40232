"""Emit gen/isr_table.S for Cortex-M: the vector table itself, one word per exception.

The table is linker data: each word is a relocation to a handler symbol,
which ld.lld fills with the Thumb address (bit 0 set) because the symbol is
a Thumb function. Word 0 is the initial main stack pointer (ARMv7-M ARM B1.5.3).
"""


from isr.guard import table_target


def emit(slots, arch, banner):
    out = [banner, "    .syntax unified", "    .thumb", '    .section .isr_table, "a"',
           f"    .balign {arch.TABLE_ALIGN}"]
    for word, symbol in sorted(arch.TABLE_FIXED.items()):
        out += [f"    /* {word} {arch.vector_name(word)}: from the linker script */", f"    .word {symbol}"]
    for slot in slots:
        target = slot.entry if slot.style == "default" else f"{slot.entry} -> {slot.handler}"
        out += [f"    /* {slot.vector} {slot.name}: {slot.style} {target} */", f"    .word {table_target(slot, arch)}"]
    return "\n".join(out) + "\n"
