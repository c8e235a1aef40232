"""Read msp430's linked interrupt tables back out of the ELF (tools/check_elf.py).

DECODERS[format] reads one table whose manifest entry names that format: it
takes the table's bytes, its manifest entry and its address, and returns
{vector: (target address, fields)}: where the slot sends the CPU, and what
else the slot holds, in the terms of table_fields() so that check_elf can
compare the two.
"""
import struct


def msp430_words(data, table, base):
    """MSP430: word N (at 0xFF80 + 2N) is the 16-bit address where vector N enters
    (SLAU049 2.2.3); no mode bits. Words the part does not use read 0xFFFF."""
    return {index: (word, {}) for index, (word,) in enumerate(struct.iter_unpack("<H", data))}


DECODERS = {"msp430-words": msp430_words}
