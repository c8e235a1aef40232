"""tools/return_checks.py's decoder of ARM-state returns, on hand-assembled words
(ARM DDI 0406C encodings), without a compiler."""
import pytest

from tools.return_checks import classify


@pytest.mark.parametrize("word, expected", [
    (0xE25EF004, ("exception", 4)),          # subs pc, lr, #4: IRQ, FIQ, ABORT
    (0xE25EF000, ("exception", 0)),          # subs pc, lr, #0: SWI, UNDEF
    (0x125EF000, ("exception", 0)),          # subsne pc, lr, #0: clang returns conditionally too
    (0xE1B0F00E, ("exception", 0)),          # movs pc, lr: the generated stubs
    (0xE12FFF1E, ("plain", "bx lr")),
    (0xE1A0F00E, ("plain", "mov pc, lr")),
    (0xE8BD8010, ("plain", "pop {..., pc}")),   # ldmia sp!, {r4, pc}
    (0xE49DF004, ("plain", "pop {pc}")),        # ldr pc, [sp], #4
    (0xE8FD800F, ("exception", 0)),          # ldmia sp!, {r0-r3, pc}^: SPSR to CPSR
    (0xE2800001, None),                      # add r0, r0, #1
    (0xE92D400F, None),                      # push {r0-r3, lr}: not a return
])
def test_each_return_form_is_classified(word, expected):
    assert classify(word) == expected


def test_an_ldm_return_with_caret_subtracts_what_the_entry_took_from_lr():
    assert classify(0xE8FD800F, entry_adjust=4) == ("exception", 4)
