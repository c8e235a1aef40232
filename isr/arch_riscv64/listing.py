"""How riscv64's disassembly (llvm-objdump) shows what the
reports count: a store of register words to the stack (reports/handler_cost.py)."""
import re

# Each (pattern, how many words the matched store saves).
# riscv64: sd of one register at off(sp).
# llvm-objdump 14 prints the offset in decimal (32(sp)), 19 in hex (0x20(sp))
SAVES = [(re.compile(r"^sd\s+\w+, -?(?:0x[0-9a-f]+|\d+)\(sp\)"), lambda m: 1)]
