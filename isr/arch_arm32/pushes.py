"""What an ARMv7-A core pushes when it takes an exception: nothing (Arm ARM
B1.8.3): it switches to the vector's mode, whose banked LR holds the return
address plus an offset and whose SPSR the interrupted CPSR; the stack is that
mode's banked SP. reports/pictures/frame.py draws what the entry saves.
"""
KEPT = "the mode's banked LR (return address + offset) and SPSR; the mode's own banked SP"


def pushes(vector):
    return ()
