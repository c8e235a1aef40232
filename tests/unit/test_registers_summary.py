"""What a failure report says of the PC that QMP's `info registers` shows."""
from qemu.diagnosis import registers_summary
from qemu.profiles import profile

CORTEX_M_REGS = ("R00=00000000 R01=20000000 R02=ffffffff R03=00000001\n"
                 "R12=00000000 R13=20004990 R14=00000635 R15={pc}\n"
                 "XPSR=6100000f -ZC- T handler\n")


def test_a_cortex_m_exception_return_is_named_not_symbolized():
    text = registers_summary(profile("cortex-m"), CORTEX_M_REGS.format(pc="fffffff8"))
    assert text.splitlines()[0] == "PC 0xfffffff8 is EXC_RETURN: the CPU is returning from an exception"


def test_a_code_address_is_shown_as_is_without_an_elf():
    text = registers_summary(profile("cortex-m"), CORTEX_M_REGS.format(pc="00000634"))
    assert text.splitlines()[0] == "PC 0x634 is in 0x634"
