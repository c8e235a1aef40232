"""How avr's disassembly (avr-objdump) shows what the
reports count: a store of register words to the stack (reports/handler_cost.py)."""
import re

# Each (pattern, how many words the matched store saves).
# avr: push of one register (a byte: the AVR's words are its 8-bit registers).
SAVES = [(re.compile(r"^push\s+r\d+"), lambda m: 1)]
