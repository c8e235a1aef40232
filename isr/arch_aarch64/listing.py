"""How aarch64's disassembly (llvm-objdump) shows what the
reports count: a store of register words to the stack (reports/handler_cost.py)."""
import re

# Each (pattern, how many words the matched store saves).
# aarch64: stp of two registers or str of one, at [sp...].
SAVES = [(re.compile(r"^stp\s+\w+, \w+, \[sp"), lambda m: 2),
         (re.compile(r"^str\s+x\w+, \[sp"), lambda m: 1)]
