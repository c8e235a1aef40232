"""How x86_64's disassembly (llvm-objdump) shows what the
reports count: a store of register words to the stack (reports/handler_cost.py)."""
import re

# Each (pattern, how many words the matched store saves).
# x86_64: `pushq %reg` (not `pushq $imm`: the stub's dummy error code and vector).
SAVES = [(re.compile(r"^push[qw]?\s+%"), lambda m: 1)]
