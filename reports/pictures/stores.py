"""What the disassembly of an entry shows about the stack: a store of registers to it
(the arch model's SAVES, through reports/handler_cost.py, or a push of an immediate),
a move of the stack pointer down, an instruction that leaves the prologue. frame.py
reads a frame's layout with them, live.py where the frame is complete."""
import re

from reports import handler_cost

# A memory operand on the stack pointer: [sp], [sp, #off], [sp, #-off]! (pre-indexed), off(sp).
MEMORY = re.compile(r"\[sp(?:, #(-?(?:0x)?[0-9a-f]+))?\](!?)|(-?(?:0x)?[0-9a-f]+)\(sp\)")
# The stack pointer moved down by an immediate (riscv64, arm, x86_64, msp430).
ADJUST = re.compile(r"^(?:addi sp, sp, (-(?:0x)?[0-9a-f]+)|sub(?:\.w)? sp, (?:sp, )?#((?:0x)?[0-9a-f]+)"
                    r"|subq \$((?:0x)?[0-9a-f]+), %rsp|sub(?:\.w)? #((?:0x)?[0-9a-f]+), r1)$")
# The end of a prologue: a call, a jump or a return.
LEAVES = re.compile(r"^(?:call\w*|bl\w*|jal\w*|rcall|j|jr|jmp\w*|b|b\.w|bx|ret\w*|reti|iret\w*|mret|eret|subs)\b")


def is_frame_store(arch, text):
    """The instruction stores registers to the stack or moves the stack pointer down."""
    return bool(ADJUST.match(text) or re.match(r"^push[qw]?\s+\$", text) or
                any(pattern.match(text) for pattern, _ in handler_cost.SAVES[arch]))
