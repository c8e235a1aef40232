"""What the x86_64 CPU pushes by itself when it takes a vector (Intel SDM vol. 3A,
6.14.2 and figure 6-9): SS, RSP, RFLAGS, CS, RIP, then the error code on the
vectors that have one. In push order, first pushed (highest address) first;
each (name, bytes). reports/pictures/frame.py draws them.
"""
from isr.arch_x86_64 import IRET_FRAME, has_error_code

WORD = 8
KEPT = "nothing else: the pushed words are the whole hardware frame"
SP_BIAS = 0         # the stack pointer points at the last word pushed (a full descending stack)


def pushes(vector):
    words = tuple((name, WORD) for name in reversed(IRET_FRAME))
    return words + ((("error_code", WORD),) if has_error_code(vector) else ())


def in_words(slot):
    """What the CPU does with its state when it takes this manifest slot, in words (reports/explain.py)."""
    stack = f"switches to IST{slot['options']['ist']}, then " if slot["options"].get("ist") else ""
    code = ", then the error code" if has_error_code(slot["vector"]) else " (no error code)"
    return f"{stack}pushes SS, RSP, RFLAGS, CS, RIP (struct interrupt_frame){code}"
