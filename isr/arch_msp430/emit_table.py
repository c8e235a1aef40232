"""Emit gen/isr_table.S for MSP430: the 64 words at 0xFF80-0xFFFF, one per clang interrupt(N).

The table is linker data: each word is a 16-bit relocation to its entry.
Words below the part's first vector are never read by this CPU: they hold
0xFFFF, as erased flash would. clang also emits a word of its own for every
`abi` handler (section __interrupt_vector_N); linker/msp430.ld discards
those, so that this table is the one the CPU reads.
"""


from isr.guard import table_target


def emit(slots, arch, banner):
    by_vector = {slot.vector: slot for slot in slots}
    out = [banner, '    .section .isr_table, "a"', f"    .balign {arch.TABLE_ALIGN}"]
    for vector in range(arch.VECTOR_COUNT):
        address = f"0x{arch.TABLE_BASE + 2 * vector:04X}"
        if vector in arch.TABLE_FIXED:
            symbol = arch.TABLE_FIXED[vector]
            out += [f"    /* {vector} {arch.vector_name(vector)} {address}: {symbol} */", f"    .short {symbol}"]
        elif vector in by_vector:
            slot = by_vector[vector]
            target = slot.entry if slot.style == "default" else f"{slot.entry} -> {slot.handler}"
            out += [f"    /* {vector} {slot.name} {address}: {slot.style} {target} */", f"    .short {table_target(slot, arch)}"]
        else:
            out += [f"    .short 0xffff   /* {vector} {address}: not a vector of the {arch.PART} */"]
    return "\n".join(out) + "\n"
