"""What an AArch64 PE pushes when it takes an exception to EL1: nothing (Arm ARM
D1.10): the return state goes to system registers and the stack is SP_EL1.
reports/pictures/frame.py draws what the entry saves.
"""
KEPT = "ELR_EL1 and SPSR_EL1 (ESR_EL1 and FAR_EL1 for a synchronous exception) are system registers"


def pushes(vector):
    return ()
