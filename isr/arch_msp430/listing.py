"""How msp430's disassembly (llvm-objdump) shows what the
reports count: a store of register words to the stack (reports/handler_cost.py)."""
import re

# Each (pattern, how many words the matched store saves).
# msp430: `push rN` (not `push #imm`: a stub's vector).
SAVES = [(re.compile(r"^push(?:\.w)?\s+r\d+$"), lambda m: 1)]
