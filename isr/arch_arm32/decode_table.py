"""Read arm32's linked interrupt tables back out of the ELF (tools/check_elf.py).

DECODERS[format] reads one table whose manifest entry names that format: it
takes the table's bytes, its manifest entry and its address, and returns
{vector: (target address, fields)}: where the slot sends the CPU, and what
else the slot holds, in the terms of table_fields() so that check_elf can
compare the two.
"""
import struct


A32_B_MASK, A32_B_ALWAYS = 0xFF000000, 0xEA000000   # ARMv7-A A8.8.18 B, encoding A1, cond = always
A32_GIC_ENTRY = struct.Struct("<IBBBB")             # gen/isr.h struct isr_gic_entry: entry, priority, fiq, enabled, intid


def arm32_vbar_branches(data, table, base):
    """Each VBAR word is an ARM-state B: imm24 words, signed, from the word's address + 8."""
    slots = {}
    for index in range(len(data) // 4):
        insn, = struct.unpack_from("<I", data, 4 * index)
        address = base + 4 * index
        if insn & A32_B_MASK != A32_B_ALWAYS:
            slots[table["first_vector"] + index] = (0, {})
            continue
        words = insn & 0x00FFFFFF
        words -= (words & 0x00800000) << 1
        slots[table["first_vector"] + index] = (address + 8 + 4 * words, {})
    return slots


def arm32_gic_entries(data, table, base):
    slots = {}
    for offset in range(0, len(data) - A32_GIC_ENTRY.size + 1, A32_GIC_ENTRY.size):
        entry, priority, fiq, enabled, intid = A32_GIC_ENTRY.unpack_from(data, offset)
        slots[table["first_vector"] + intid] = (entry, {"priority": priority, "fiq": fiq, "enabled": enabled})
    return slots


DECODERS = {"vbar-arm-branch": arm32_vbar_branches, "gic-dispatch-32": arm32_gic_entries}
