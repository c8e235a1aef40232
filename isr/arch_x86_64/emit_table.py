"""Emit gen/isr_table.S: the gate-source table, one 16-byte entry per vector.

A long-mode gate splits the handler address into three fields, and no ELF
relocation can write a piece of a symbol's address, so the table holds each
address whole and kernel/x86_64/idt.c packs the gates at boot.
"""


from isr.guard import table_target


def emit(slots, arch, banner):
    out = [banner, '    .section .isr_table, "a"', f"    .balign {arch.TABLE_ALIGN}"]
    for slot in slots:
        fields = arch.table_fields(slot)
        target = slot.entry if slot.style == "default" else f"{slot.entry} -> {slot.handler}"
        gate = slot.option("gate", "interrupt")
        out += [f"    /* {slot.vector} {slot.name}: {slot.style} {target}, {gate} gate */",
                f"    .quad {table_target(slot, arch)}",
                f"    .byte {fields['ist']}, 0x{fields['type_attr']:02x}",
                f"    .short {slot.vector}",
                "    .long 0"]
    return "\n".join(out) + "\n"
