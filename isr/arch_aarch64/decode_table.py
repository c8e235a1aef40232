"""Read aarch64's linked interrupt tables back out of the ELF (tools/check_elf.py).

DECODERS[format] reads one table whose manifest entry names that format: it
takes the table's bytes, its manifest entry and its address, and returns
{vector: (target address, fields)}: where the slot sends the CPU, and what
else the slot holds, in the terms of table_fields() so that check_elf can
compare the two.
"""
import struct


A64_B_MASK, A64_B = 0xFC000000, 0x14000000   # Arm ARM C6.2.26 B: 0b000101 then imm26 (words)
GIC_ENTRY = struct.Struct("<QBBHI")          # gen/isr.h struct isr_gic_entry: entry, priority, enabled, intid


def aarch64_vbar_branches(data, table, base):
    """Each 0x80-byte VBAR_EL1 entry starts with B to its handler: decode the target."""
    slots = {}
    for index, offset in enumerate(range(0, len(data), table["entry_size"])):
        insn, = struct.unpack_from("<I", data, offset)
        if insn & A64_B_MASK != A64_B:
            slots[table["first_vector"] + index] = (0, {})   # not a branch: points nowhere
            continue
        words = insn & 0x03FFFFFF
        words -= (words & 0x02000000) << 1             # sign-extend imm26
        slots[table["first_vector"] + index] = (base + offset + 4 * words, {})
    return slots


def aarch64_gic_entries(data, table, base):
    slots = {}
    for offset in range(0, len(data) - GIC_ENTRY.size + 1, GIC_ENTRY.size):
        entry, priority, enabled, intid, _ = GIC_ENTRY.unpack_from(data, offset)
        slots[table["first_vector"] + intid] = (entry, {"priority": priority, "enabled": enabled})
    return slots


DECODERS = {"vbar-branch": aarch64_vbar_branches, "gic-dispatch": aarch64_gic_entries}
