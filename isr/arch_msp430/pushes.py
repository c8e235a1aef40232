"""What an MSP430 pushes by itself when it takes an interrupt (MSP430x1xx family
user's guide, 2.2.3 "Interrupt acceptance"): PC, then SR, one 16-bit word each;
then SR is cleared (GIE and the low-power bits). In push order, first pushed
(highest address) first; each (name, bytes). reports/pictures/frame.py draws them.
"""
from isr.arch_msp430 import CPU_FRAME

WORD = 2
KEPT = "SR cleared after the push: GIE off, the CPU awake"
SP_BIAS = 0         # the stack pointer points at the last word pushed (a full descending stack)


def pushes(vector):
    return tuple((name, WORD) for name in reversed(CPU_FRAME))


def in_words(slot):
    """What the CPU does with its state when it takes this manifest slot, in words (reports/explain.py)."""
    return "pushes PC, then SR, and clears SR (GIE and the low-power bits)"
