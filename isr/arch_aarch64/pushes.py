"""What an AArch64 PE pushes when it takes an exception to EL1: nothing (Arm ARM
D1.10): the return state goes to system registers and the stack is SP_EL1.
reports/pictures/frame.py draws what the entry saves.
"""
from isr.arch_aarch64 import has_error_code

KEPT = "ELR_EL1 and SPSR_EL1 (ESR_EL1 and FAR_EL1 for a synchronous exception) are system registers"
SP_BIAS = 0         # the stack pointer points at the last word pushed (a full descending stack)


def pushes(vector):
    return ()


def in_words(slot):
    """What the CPU does with its state when it takes this manifest slot, in words (reports/explain.py)."""
    syndrome = " and ESR_EL1 (FAR_EL1 for aborts)" if has_error_code(slot["vector"]) else ""
    return f"pushes nothing: ELR_EL1 and SPSR_EL1{syndrome} are system registers; the stack is SP_EL1"
