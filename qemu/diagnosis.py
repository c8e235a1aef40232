"""What a failure report shows about the CPU: its registers, the PC named by
function and source line when the kernel's ELF is known (the interrupt log's
summary is qemu/int_log.py's).
"""
import re

from tools.symbolize import Symbolizer


REGISTER_LINES = 10   # the general registers and PC; x86_64 goes on with FPU and SSE state


def registers_summary(profile, registers_text, elf=None):
    """QMP's `info registers` text, its PC named first (the guest's own view of where it is)."""
    pc = re.search(profile.regs_pc, registers_text)
    registers_text = "\n".join(registers_text.splitlines()[:REGISTER_LINES])
    if not pc:
        return registers_text.rstrip()
    value = int(pc[1], 16)
    magic = [meaning for start, meaning in profile.magic_pcs if value >= start]
    if magic:
        return f"PC 0x{value:x} is {magic[-1]}\n{registers_text.rstrip()}"
    where = Symbolizer(elf).describe(value) if elf else f"0x{value:x}"
    return f"PC 0x{value:x} is in {where}\n{registers_text.rstrip()}"
