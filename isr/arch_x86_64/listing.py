"""How x86_64's disassembly (llvm-objdump) shows what the
reports count: a store of register words to the stack (reports/handler_cost.py)."""
import re

# Each (pattern, how many words the matched store saves).
# x86_64: `pushq %reg` (not `pushq $imm`: the stub's dummy error code and vector).
# An xmm register stored to the stack frame (the SSE variant's handlers,
# isr/arch_x86_64/toolchains.py SSE): two words.
SAVES = [(re.compile(r"^push[qw]?\s+%"), lambda m: 1),
         (re.compile(r"^mov(?:aps|apd|dqa|ups|dqu)\s+%xmm\d+,\s*-?(?:0x[0-9a-f]+|\d+)?\(%r[bs]p\)"), lambda m: 2)]
