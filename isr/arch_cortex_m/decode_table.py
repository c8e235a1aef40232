"""Read cortex-m's linked interrupt tables back out of the ELF (tools/check_elf.py).

DECODERS[format] reads one table whose manifest entry names that format: it
takes the table's bytes, its manifest entry and its address, and returns
{vector: (target address, fields)}: where the slot sends the CPU, and what
else the slot holds, in the terms of table_fields() so that check_elf can
compare the two.
"""
import struct


def cortex_m_vector_words(data, table, base):
    """ARMv7-M vector table: word N is exception N's handler address with bit 0
    set for Thumb state (ARM ARM B1.5.3). The target is the word as stored: an
    ELF symbol of a Thumb function carries the same bit 0 in its value."""
    slots = {}
    for index in range(len(data) // 4):
        word, = struct.unpack_from("<I", data, 4 * index)
        slots[index] = (word, {"thumb": word & 1})
    return slots


DECODERS = {"vector-words": cortex_m_vector_words}
