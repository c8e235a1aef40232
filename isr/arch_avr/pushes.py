"""What an ATmega2560 pushes by itself when it takes an interrupt (AVR instruction
set manual, "Interrupt response time"; 3 bytes on a 22-bit PC): the return PC,
low byte first (SP post-decrements, so the high byte ends lowest), and nothing
else, not even SREG. In push order, first pushed (highest address) first; each
(name, bytes). reports/pictures/frame.py draws them.
"""
KEPT = "SREG's I bit cleared; SREG itself is not saved: the handler saves what it uses"
SP_BIAS = 1         # PUSH stores at SP, then decrements it: the last pushed byte is at SP + 1


def pushes(vector):
    return (("pc_lo", 1), ("pc_mid", 1), ("pc_hi", 1))


def in_words(slot):
    """What the CPU does with its state when it takes this manifest slot, in words (reports/explain.py)."""
    return ("pushes the 3-byte return PC and clears SREG.I; nothing else, not even SREG: "
            "the handler saves what it uses")
