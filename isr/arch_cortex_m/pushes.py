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


def pushes(vector):
    return () if vector == RESET else tuple((name, WORD) for name in reversed(EXCEPTION_FRAME))
