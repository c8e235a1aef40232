"""How arm32's disassembly (llvm-objdump) shows what the
reports count: a store of register words to the stack (reports/handler_cost.py)."""
import re

_LIST = r"\{([^}]*)\}"     # a register list: {r4, r5, lr}

# Each (pattern, how many words the matched store saves).
# arm32 (ARM state): push/stmdb sp!/stm sp of a list, STM of the user bank (^) through
# any base, str at [sp...].
SAVES = [(re.compile(r"^(?:push|stmdb\s+sp!,|stm(?:ia)?\s+sp,)\s*" + _LIST), lambda m: len(m[1].split(","))),
         (re.compile(r"^stm(?:ia)?\s+\w+, " + _LIST + r"\s*\^"), lambda m: len(m[1].split(","))),
         (re.compile(r"^str\s+\w+, \[sp"), lambda m: 1)]
