"""A failure's summary of QEMU's log counts the routine interrupts it leaves out
(issue 25): riscv64's counted none, '(0 routine interrupts not shown)', while
the log of a timer storm held nothing but m_timer lines."""
from qemu.int_log import summary as log_summary
from qemu.profiles import profile

TIMER = ("riscv_cpu_do_interrupt: hart:0, async:1, cause:0000000000000007, epc:0x0000000080003a92, "
         "tval:0x0000000000000000, desc=m_timer\n")
ILLEGAL = ("riscv_cpu_do_interrupt: hart:0, async:0, cause:0000000000000002, epc:0x0000000080001000, "
           "tval:0x0000000000000000, desc=illegal_instruction\n")


def test_riscv64_timer_storm_is_counted_as_routine(tmp_path):
    log = tmp_path / "qemu.log"
    log.write_text("CPU Reset (CPU 0)\n" + ILLEGAL + TIMER * 300)
    summary = log_summary(profile("riscv64"), log).splitlines()
    assert summary[0] == "CPU Reset (CPU 0)"
    assert summary[1] == ILLEGAL.strip()                   # an exception is shown
    assert summary[2] == "(300 routine interrupts not shown)"
    assert summary[3] == "(most logged: m_timer (300 of the last 301 interrupts it logged))"
