"""Emit gen/isr_table.S for the AVR: the vector table itself, one JMP per slot.

The CPU starts at flash address 0 (slot 0, RESET) and enters interrupt
vector N at byte 4N (ATmega2560 datasheet 14.1, two words per slot), so each
slot is a 4-byte `jmp` (22-bit word address: the whole 256 KiB of flash).
The assembler leaves each target to an R_AVR_CALL relocation: the table is
linker data, filled in by the link, and tools/check_elf.py decodes it back.
"""


from isr.guard import table_target


def emit(slots, arch, banner):
    out = [banner, '    .section .isr_table, "ax", @progbits']
    for word, symbol in sorted(arch.TABLE_FIXED.items()):
        out += [f"    /* {word} {arch.vector_name(word)}: the startup code, boot/avr/entry.S */",
                f"    jmp {symbol}"]
    for slot in slots:
        target = slot.entry if slot.style == "default" else f"{slot.entry} -> {slot.handler}"
        if slot.option("nonblocking"):
            target += " (nonblocking)"
        out += [f"    /* {slot.vector} {slot.name}: {slot.style} {target} */", f"    jmp {table_target(slot, arch)}"]
    return "\n".join(out) + "\n"
