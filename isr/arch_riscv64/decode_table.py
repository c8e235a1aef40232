"""Read riscv64's linked interrupt tables back out of the ELF (tools/check_elf.py).

DECODERS[format] reads one table whose manifest entry names that format: it
takes the table's bytes, its manifest entry and its address, and returns
{vector: (target address, fields)}: where the slot sends the CPU, and what
else the slot holds, in the terms of table_fields() so that check_elf can
compare the two.
"""
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


DECODERS = {"vectored-mtvec": riscv64_vectored_mtvec}
