"""msp430 interrupts under mspdebug's sim: Timer_A tick, watchdog interval timer, port pins,
NMI, input through the mailbox interrupt, fixed priorities, and waking from LPM0."""
import json
import re

import pytest

from isr import arch_msp430
from qemu.mspdebug import Mspdebug
from qemu.mspdebug_sim import REGISTER
from qemu.profiles import profile
from tools import toolchain
from tools.elf_symbols import Image
from tools.findings import NMI_FLAG_AT_IE2

from tests.qemu.report import reports
from tests.qemu.scenarios import assert_timer_rate, assert_trap, ticks

FIRST = arch_msp430.PART_FIRST


def vector(name):
    return arch_msp430.BY_NAME[name.lower()]


def style(name):
    """The style the spec gave this vector, from the manifest."""
    manifest = json.loads((toolchain.build_dir("msp430") / "gen" / "manifest.json").read_text())
    return next(s["style"] for s in manifest["vectors"] if s["vector"] == vector(name))


def tracer_events(msp):
    """Exit, then the IRQ numbers the simulator's tracer recorded, oldest first."""
    msp.send("exit 0\r")
    assert msp.wait_exit() == 0
    return [int(n) for n in re.findall(r"irq handle (\d+)$", msp.log_path.read_text(), re.M)]


def stop_pc(lines):
    """The PC of the register dump `run` printed when the simulation stopped."""
    return next(int(value, 16) for text in lines for name, value in REGISTER.findall(text) if name == "PC")


@NMI_FLAG_AT_IE2.xfail()
def test_nmiifg_set_by_software_raises_the_nmi(kernel):
    """SLAU049 2.2.1: NMIIFG (IFG1 bit 4, IFG1 at 0x0002 on the F1611) with NMIIE set is an NMI,
    whoever set the flag. Driven at mspdebug's own prompt: stop where the booted kernel first
    calls the host (NMIIE is set by then), set the flag, and run to the NMI vector's entry."""
    elf = kernel("msp430")
    host_call = Image(elf).symbols["msp430_host_call"].address
    sim = Mspdebug(lambda text: None)
    try:
        for command in profile("msp430").machine + [f"prog {elf}", f"setbreak 0x{host_call:x}"]:
            sim.command(command)
        assert stop_pc(sim.command("run")) == host_call
        low, high = sim.command("md 0xfffc 2")[0].split()[1:3]      # "    0fffc: 2a 45  |*E|": the NMI vector word
        entry = int(high + low, 16)
        sim.command("mw 0x0002 10")                          # IFG1 |= NMIIFG
        sim.command(f"setbreak 0x{entry:x}")
        stopped = stop_pc(sim.command("run"))
        assert stopped == entry, f"the NMI vector's entry 0x{entry:x} was not reached (stopped at 0x{stopped:x})"
    finally:
        sim.close()


@pytest.mark.emulator_only("the simulator's log (its cycle count is the clock)")
def test_timer_a_runs_at_the_programmed_rate_by_the_simulators_clock(msp):
    first, hz = ticks(msp)
    assert hz == 100
    assert_timer_rate(msp)
    assert ticks(msp)[0] >= first + 100


def test_irqtrace_reports_the_tick_from_its_stub_and_the_stub_wakes_lpm0(msp):
    """`sleep` waits in LPM0: the tick interrupts it there, and its stub handler
    clears CPUOFF in the saved SR (wake=1) so the CPU runs on."""
    msp.run("irqtrace on")
    ticks_seen = [r for r in reports(msp.run("sleep 30")) if r["name"] == "TIMERA0"]
    assert len(ticks_seen) >= 3
    for report in ticks_seen:
        assert (report["vec"], report["style"], report["err"], report["irq"]) == \
            (str(vector("TIMERA0")), style("TIMERA0"), "-", str(vector("TIMERA0") - FIRST))
    assert any(r["from"] == "lpm0" and r["wake"] == "1" and int(r["sr"], 16) & 0x18 == 0x18 for r in ticks_seen)
    assert "irqtrace=off" in msp.run("irqtrace off")


def test_stub_tick_wakes_the_main_loop_that_abi_watchdog_interrupts_leave_asleep(msp):
    """`trap lpm`: the CPU sleeps in LPM0 with the tick off; three WDT interrupts come
    and go (abi: clang cannot clear CPUOFF in the saved SR), the third turns the tick
    on, and the tick's stub handler wakes the CPU."""
    output = msp.run("trap lpm")
    slept = re.search(r"lpm0: slept through (\d+) WDT \(abi\) interrupts; woken by TIMERA0 \(stub\)", output)
    assert slept and int(slept[1]) >= 3, output        # then the tick comes within one period
    assert output.rstrip().endswith("trap lpm: resumed")


def test_watchdog_interval_timer_counts_in_stats(msp):
    msp.run("sleep 1100")
    assert re.search(rf"vec={vector('WDT')} name=WDT count=[1-9]\d*", msp.run("stats"))


def test_typed_lines_arrive_through_the_mailbox_interrupt(msp):
    count = lambda: int(re.search(rf"vec={vector('USART0RX')} name=USART0RX count=(\d+)",  # noqa: E731
                                  msp.run("stats"))[1])
    before = count()
    msp.send("xyzzy\r")
    msp.expect("error: unknown command 'xyzzy'")
    msp.wait_prompt()
    assert count() > before


def test_each_input_line_raises_a_stub_mailbox_report(msp):
    msp.run("irqtrace on")
    msp.send("q\r")
    msp.expect(rf"\[trap\] vec={vector('USART0RX')} name=USART0RX style={style('USART0RX')} err=- pc=0x[0-9a-f]+ "
               rf"sr=0x[0-9a-f]+ "
               rf"from=(active|lpm0) irq={vector('USART0RX') - FIRST} bytes=2 wake=[01] then=resume")
    msp.wait_prompt()
    msp.run("irqtrace off")


def test_port_pins_raised_by_the_launcher_reach_abi_and_naked_handlers(msp):
    assert_trap(msp, "port1", vector("PORT1"), "PORT1", style("PORT1"), "-", {"pins": "0x1", "irq": "4"}, "resume")
    assert_trap(msp, "port2", vector("PORT2"), "PORT2", style("PORT2"), "-", {"pins": "0x8", "irq": "1"}, "resume")


def test_timer_a_ccr1_compare_is_named_by_taiv(msp):
    assert_trap(msp, "ccr1", vector("TIMERA1"), "TIMERA1", style("TIMERA1"), "-",
                {"taiv": "0x2", "irq": str(vector("TIMERA1") - FIRST)}, "resume")


def test_nmi_from_the_pin_edge(msp):
    assert_trap(msp, "nmi-pin", vector("NMI"), "NMI", style("NMI"), "-", {"irq": "14"}, "resume")


def test_the_higher_vector_is_taken_first(msp):
    """PORT2 and PORT1 flagged while GIE is clear: fixed priority takes 52 before 49."""
    first, second = reports(msp.run("trap priority"))
    assert [(r["vec"], r["name"], r["pins"]) for r in (first, second)] == \
        [(str(vector("PORT1")), "PORT1", "0x20"), (str(vector("PORT2")), "PORT2", "0x40")]


@pytest.mark.emulator_only("the -d int log")
@pytest.mark.console_allows("unexpected-vector")     # int 55: an unbound vector on purpose
def test_reports_agree_with_the_interrupts_the_simulator_recorded(msp):
    """Each report's irq= is the number mspdebug's tracer logs as handled."""
    raised = [reports(msp.run(command))[0] for command in ("trap port1", "trap nmi-pin", "trap ccr1", "int 55")]
    events = tracer_events(msp)
    for report in raised:
        assert int(report["irq"]) == int(report["vec"]) - FIRST
        assert events.count(int(report["irq"])) == 1, (report, events)
    order = [events.index(int(r["irq"])) for r in raised]
    assert order == sorted(order)
