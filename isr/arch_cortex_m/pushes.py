"""What a Cortex-M pushes by itself on exception entry (ARMv7-M ARM B1.5.6,
"Exception entry behavior"): the eight-word basic frame, xPSR first, r0 last
(lowest address), on the stack that was active; reset stacks nothing. In push
order, first pushed (highest address) first; each (name, bytes).
reports/pictures/frame.py draws them.
"""
from isr.arch_cortex_m import EXCEPTION_FRAME

WORD = 4
RESET = 1
KEPT = "EXC_RETURN in lr; a ninth, alignment word above the frame when xPSR bit 9 says so"
SP_BIAS = 0         # the stack pointer points at the last word pushed (a full descending stack)


def pushes(vector):
    return () if vector == RESET else tuple((name, WORD) for name in reversed(EXCEPTION_FRAME))


def in_words(slot):
    """What the CPU does with its state when it takes this manifest slot, in words (reports/explain.py)."""
    if slot["vector"] == RESET:
        return "stacks nothing: reset loads SP from word 0 and PC from word 1"
    return "stacks r0-r3, r12, lr, pc, xPSR (8 words) on the active stack, and puts EXC_RETURN in lr"
