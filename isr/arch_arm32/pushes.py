"""What an ARMv7-A core pushes when it takes an exception: nothing (Arm ARM
B1.8.3): it switches to the vector's mode, whose banked LR holds the return
address plus an offset and whose SPSR the interrupted CPSR; the stack is that
mode's banked SP. reports/pictures/frame.py draws what the entry saves.
"""
from isr.arch_arm32 import LR_OFFSET, MODES, VBAR_ENTRIES

KEPT = "the mode's banked LR (return address + offset) and SPSR; the mode's own banked SP"
SP_BIAS = 0         # the stack pointer points at the last word pushed (a full descending stack)


def pushes(vector):
    return ()


def in_words(slot):
    """What the CPU does with its state when it takes this manifest slot, in words (reports/explain.py)."""
    vector = slot["vector"]
    if vector >= VBAR_ENTRIES:
        return "pushes nothing: the IRQ or FIQ entry runs first (its own mode, banked LR and SPSR)"
    return (f"pushes nothing: it enters {MODES[vector].upper()} mode with LR = the preferred return "
            f"address + {LR_OFFSET[vector]} and SPSR = the interrupted CPSR; that mode's banked SP is the stack")
