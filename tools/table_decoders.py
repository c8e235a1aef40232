"""Read a linked interrupt table back out of the ELF, one reader per arch.

DECODERS[arch][format] reads one table whose manifest entry names that format;
each reader takes the table's bytes, its manifest entry and its address, and
returns {vector: (target address, fields)}: where the slot sends
the CPU, and what else the slot holds, in the terms of the arch model's
table_fields() so that tools/check_elf.py can compare the two.
"""
import struct

X86_GATE_SOURCE = struct.Struct("<QBBHI")   # gen/isr.h struct isr_table_entry: entry, ist, type_attr, vector


def x86_64_gate_sources(data, table, base):
    slots = {}
    for offset in range(0, len(data) - X86_GATE_SOURCE.size + 1, X86_GATE_SOURCE.size):
        entry, ist, type_attr, vector, _ = X86_GATE_SOURCE.unpack_from(data, offset)
        slots[vector] = (entry, {"ist": ist, "type_attr": type_attr})
    return slots


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


RISCV_JAL_X0 = 0x6f           # `j` is jal x0: opcode 1101111, rd = 0
RISCV_SLOTS, RISCV_SLOT, RISCV_TRAMPOLINE = 16, 4, 8   # isr/arch_riscv64: slots, then trampolines


def _riscv_jump_target(data, offset, address):
    """Target of the `j` at data[offset], the instruction at address (J-type, unprivileged
    spec 2.5: imm[20|10:1|11|19:12] in bits 31:12), or None if it is not a `j`."""
    insn = int.from_bytes(data[offset:offset + 4], "little")
    if insn & 0xfff != RISCV_JAL_X0:
        return None
    imm = ((insn >> 31) << 20) | (((insn >> 21) & 0x3ff) << 1) | (((insn >> 20) & 1) << 11) | \
        (((insn >> 12) & 0xff) << 12)
    if imm & (1 << 20):
        imm -= 1 << 21
    return address + imm


def riscv64_vectored_mtvec(data, table, base):
    """Slot n (interrupt cause n, vector 16 + n) is a `j` at BASE + 4n; exception code c
    (vector c) and then vector 16 are trampolines after them, whose second word is the `j`."""
    slots = {}
    places = [(16 + n, RISCV_SLOT * n, 0) for n in range(1, RISCV_SLOTS)]
    places += [(v, RISCV_SLOT * RISCV_SLOTS + RISCV_TRAMPOLINE * v, 4) for v in range(RISCV_SLOTS + 1)]
    for vector, offset, jump in places:
        if offset + jump + 4 <= len(data):
            target = _riscv_jump_target(data, offset + jump, base + offset + jump)
            if target is not None:
                slots[vector] = (target, {"offset": offset})
    return slots


def cortex_m_vector_words(data, table, base):
    """ARMv7-M vector table: word N is exception N's handler address with bit 0
    set for Thumb state (ARM ARM B1.5.3). The target is the word as stored: an
    ELF symbol of a Thumb function carries the same bit 0 in its value."""
    slots = {}
    for index in range(len(data) // 4):
        word, = struct.unpack_from("<I", data, 4 * index)
        slots[index] = (word, {"thumb": word & 1})
    return slots


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


def msp430_words(data, table, base):
    """MSP430: word N (at 0xFF80 + 2N) is the 16-bit address where vector N enters
    (SLAU049 2.2.3); no mode bits. Words the part does not use read 0xFFFF."""
    return {index: (word, {}) for index, (word,) in enumerate(struct.iter_unpack("<H", data))}


DECODERS = {
    "x86_64": {"gate-source": x86_64_gate_sources},
    "aarch64": {"vbar-branch": aarch64_vbar_branches, "gic-dispatch": aarch64_gic_entries},
    "riscv64": {"vectored-mtvec": riscv64_vectored_mtvec},
    "cortex-m": {"vector-words": cortex_m_vector_words},
    "arm32": {"vbar-arm-branch": arm32_vbar_branches, "gic-dispatch-32": arm32_gic_entries},
    "avr": {"jmp-slots": avr_jmp_slots},
    "msp430": {"msp430-words": msp430_words},
}
