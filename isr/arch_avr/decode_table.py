"""Read avr's linked interrupt tables back out of the ELF (tools/check_elf.py).

DECODERS[format] reads one table whose manifest entry names that format: it
takes the table's bytes, its manifest entry and its address, and returns
{vector: (target address, fields)}: where the slot sends the CPU, and what
else the slot holds, in the terms of table_fields() so that check_elf can
compare the two.
"""
import struct


AVR_JMP_MASK, AVR_JMP = 0xFE0E, 0x940C   # JMP k: 1001 010k kkkk 110k, then k[15:0] (AVR instruction set manual)


def avr_jmp_slots(data, table, base):
    """ATmega2560 vector table: slot N is a 4-byte JMP at 4N whose 22-bit k is a
    word address; the target is the byte address 2k, as ELF symbols give it."""
    slots = {}
    for index in range(len(data) // 4):
        first, low = struct.unpack_from("<HH", data, 4 * index)
        if first & AVR_JMP_MASK != AVR_JMP:
            slots[table["first_vector"] + index] = (0, {"insn": "not-jmp"})
            continue
        k = (((first >> 3) & 0x3E) | (first & 1)) << 16 | low
        slots[table["first_vector"] + index] = (2 * k, {"insn": "jmp"})
    return slots


DECODERS = {"jmp-slots": avr_jmp_slots}
