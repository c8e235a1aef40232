"""Emit gen/isr_table.S: the gate-source table, one 16-byte entry per vector.

A long-mode gate splits the handler address into three fields, and no ELF
relocation can write a piece of a symbol's address, so the table holds each
address whole and kernel/x86_64/idt.c packs the gates at boot.
"""


def type_attr(slot, arch):
    return arch.GATE_INTERRUPT | (slot.dpl << 5)


def emit(slots, arch, banner):
    out = [banner, '    .section .isr_table, "a"', f"    .balign {arch.TABLE_ALIGN}"]
    for slot in slots:
        target = slot.entry if slot.style == "default" else f"{slot.entry} -> {slot.handler}"
        out += [f"    /* {slot.vector} {slot.name}: {slot.style} {target} */",
                f"    .quad {slot.entry}",
                f"    .byte {slot.ist}, 0x{type_attr(slot, arch):02x}",
                f"    .short {slot.vector}",
                "    .long 0"]
    return "\n".join(out) + "\n"
