"""How cortex-m's disassembly (llvm-objdump) shows what the
reports count: a store of register words to the stack (reports/handler_cost.py)."""
import re

_LIST = r"\{([^}]*)\}"     # a register list: {r4, r5, lr}

# Each (pattern, how many words the matched store saves).
# cortex-m: push/stmdb sp! of a register list, str/strd at [sp...].
SAVES = [(re.compile(r"^push(?:\.w)?\s+" + _LIST), lambda m: len(m[1].split(","))),
         (re.compile(r"^stmdb(?:\.w)?\s+sp!, " + _LIST), lambda m: len(m[1].split(","))),
         (re.compile(r"^strd(?:\.w)?\s+\w+, \w+, \[sp"), lambda m: 2),
         (re.compile(r"^str(?:\.w)?\s+\w+, \[sp"), lambda m: 1)]
