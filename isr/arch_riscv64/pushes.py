"""What a RISC-V hart pushes when it takes a trap in machine mode: nothing
(privileged spec, 3.1.6 and 3.3): the state goes to CSRs, and the handler runs
on whatever stack sp was. reports/pictures/frame.py draws what the entry saves.
"""
KEPT = "mepc, mcause, mtval and mstatus.MPIE/MPP are CSRs; sp is the interrupted code's"
SP_BIAS = 0         # the stack pointer points at the last word pushed (a full descending stack)


def pushes(vector):
    return ()


def in_words(slot):
    """What the CPU does with its state when it takes this manifest slot, in words (reports/explain.py)."""
    return ("pushes nothing: mepc, mcause, mtval and mstatus.MPIE/MPP are CSRs; the handler runs on the "
            "interrupted stack")
