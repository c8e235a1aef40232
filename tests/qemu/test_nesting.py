"""Nesting on x86_64, riscv64, avr and msp430, as aarch64 and cortex-m show it: `trap nest`
raises an interrupt whose handler turns interrupts back on and waits three
ticks; the timer preempts it each time (note=nested depth=2), then the slow
handler reports at depth 1 with the ticks it waited. Each nested report is
one that QEMU logged: the timer's vector, taken at the PC inside the slow
handler that the report names (on avr, whose QEMU logs no interrupts, a
PC in kernel code outside the tick handler; on msp430, one that mspdebug's
tracer recorded between the slow interrupt and the next)."""
import re

import pytest

from isr import arch_avr, arch_msp430, arch_riscv64, arch_x86_64
from qemu.int_log import entries
from tools.elf_symbols import Image

from tests.qemu.qemu_log import finished_log
from tests.qemu.report import reports

# arch, the slow interrupt's vector, the timer's: interrupt lines are the
# machine's (x86_64 PC: COM1 on IRQ 4, PIT on IRQ 0; riscv64: SSI is cause 1,
# the CLINT timer cause 7), vectors the arch model's numbering of them.
ROWS = [
    ("x86_64", arch_x86_64.IRQ_BASE + 4, arch_x86_64.IRQ_BASE + 0),
    ("riscv64", arch_riscv64.IRQ_BASE + 1, arch_riscv64.IRQ_BASE + 7),
    # avr: TIMER3 compare A's nonblocking abi handler (sei first), the TIMER1 compare A tick.
    ("avr", arch_avr.BY_NAME["timer3_compa"], arch_avr.BY_NAME["timer1_compa"]),
    # msp430: an edge on P1.1 (PORT1, abi) whose handler sets GIE; Timer_A CCR0 is the tick.
    ("msp430", arch_msp430.BY_NAME["port1"], arch_msp430.BY_NAME["timera0"]),
]


@pytest.mark.emulator_only("the -d int log")
@pytest.mark.parametrize("arch, slow_vector, timer_vector", ROWS, ids=[r[0] for r in ROWS])
def test_timer_nests_in_a_handler_that_turns_interrupts_back_on(boot_console, kernel, arch, slow_vector,
                                                                 timer_vector):
    console = boot_console(arch, kernel(arch))
    output = console.run("trap nest")
    found = reports(output)
    nested = [r for r in found if r["vec"] == str(timer_vector)]
    slow = [r for r in found if r["vec"] == str(slow_vector)]
    assert len(nested) >= 3 and len(slow) == 1, output
    assert all((r["depth"], r["note"]) == ("2", "nested") for r in nested), output
    assert (slow[0]["depth"], slow[0]["then"]) == ("1", "resume")
    assert int(slow[0]["preempted"]) >= 3
    assert found[-1] is slow[0], "the slow handler reports after the ticks that nested in it"
    assert output.rstrip().endswith("trap nest: resumed")
    if arch == "x86_64":
        # The 8259 let IRQ 0 in while IRQ 4 was in service (fully nested
        # mode: a lower line number is a higher priority); IRQ 4's EOI comes last.
        timer_bit, slow_bit = 1 << (timer_vector - arch_x86_64.IRQ_BASE), 1 << (slow_vector - arch_x86_64.IRQ_BASE)
        assert all(int(r["inservice"], 16) == timer_bit | slow_bit for r in nested)
        assert int(slow[0]["inservice"], 16) == slow_bit
        events = entries("x86_64", finished_log(console))
        for report in nested:
            assert any(e["vec"] == timer_vector and e["pc"] == int(report["rip"], 16) for e in events), report
    elif arch == "avr":
        # QEMU's -d int logs nothing on AVR: the ELF is the witness. The stacked
        # PC of each nested tick is an instruction of the kernel (libgcc's
        # untyped routines included), not of the tick handler itself.
        image = Image(console.elf)
        code = sorted((s.address, s.name) for s in image.symbols.values() if s.executable)
        tick = image.symbols[f"__vector_{timer_vector}"]
        for report in nested:
            pc = int(report["pc"], 16)
            assert code[0][0] <= pc < image.symbols["__data_load_start"].address, report
            assert not tick.address <= pc < tick.address + tick.size, report
    elif arch == "msp430":
        # The tracer logs no PC: every nested tick must be an IRQ it handled
        # after the slow interrupt and before the next (the next line's input).
        console.send("exit 0\r")
        assert console.wait_exit() == 0
        events = re.findall(r"irq handle (\d+)$", console.log_path.read_text(), re.M)
        first = events.index(str(slow_vector - arch_msp430.PART_FIRST))
        window = events[first + 1:]
        window = window[:window.index(str(arch_msp430.BY_NAME["usart0rx"] - arch_msp430.PART_FIRST))]
        assert window.count(str(timer_vector - arch_msp430.PART_FIRST)) >= len(nested), events
    else:
        traps = entries("riscv64", finished_log(console))
        for report in nested:
            assert any(t["interrupt"] and t["cause"] == timer_vector - arch_riscv64.IRQ_BASE
                       and t["epc"] == int(report["mepc"], 16) for t in traps), report
