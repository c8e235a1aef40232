"""Read x86_64's linked interrupt tables back out of the ELF (tools/check_elf.py).

DECODERS[format] reads one table whose manifest entry names that format: it
takes the table's bytes, its manifest entry and its address, and returns
{vector: (target address, fields)}: where the slot sends the CPU, and what
else the slot holds, in the terms of table_fields() so that check_elf can
compare the two.
"""
import struct

X86_GATE_SOURCE = struct.Struct("<QBBHI")   # gen/isr.h struct isr_table_entry: entry, ist, type_attr, vector


def x86_64_gate_sources(data, table, base):
    slots = {}
    for offset in range(0, len(data) - X86_GATE_SOURCE.size + 1, X86_GATE_SOURCE.size):
        entry, ist, type_attr, vector, _ = X86_GATE_SOURCE.unpack_from(data, offset)
        slots[vector] = (entry, {"ist": ist, "type_attr": type_attr})
    return slots


DECODERS = {"gate-source": x86_64_gate_sources}
