"""The harness's own promises, on every arch: control bytes reach the guest,
-icount makes time exact, bad console lines fail at once, QMP answers."""
import re

import pytest

from isr import arches
from qemu.console import ConsoleError
from qemu.profiles import profile

from tests.qemu.scenarios import assert_exact_ticks

ARCHES = arches.names()
ICOUNT_ARCHES = [a for a in ARCHES if profile(a).icount]
QMP_ARCHES = [a for a in ARCHES if profile(a).launcher == "qemu"]     # msp430's simulator has no QMP


@pytest.mark.emulator_only("emulator process (its exit code, its signals)")
@pytest.mark.parametrize("arch", ARCHES)
def test_ctrl_c_and_ctrl_backslash_reach_the_guest(boot_console, kernel, arch):
    """signal=off on the serial chardev: 0x03 and 0x1c are bytes for the guest,
    not SIGINT/SIGQUIT for QEMU. The line editor echoes ^\\ and drops the line on ^C."""
    console = boot_console(arch, kernel(arch))
    console.send("help\x1c")
    console.expect(re.escape("help^\\"))
    console.send("\x03")
    console.expect(r"\^C")
    console.wait_prompt()
    assert console.child.isalive()
    assert "ticks=" in console.run("ticks"), "the shell goes on"


@pytest.mark.emulator_only("-icount (exact guest time)")
@pytest.mark.parametrize("arch", ICOUNT_ARCHES)
def test_guest_time_is_exact_under_icount(boot_console, kernel, arch):
    assert_exact_ticks(boot_console(arch, kernel(arch)))


@pytest.mark.parametrize("arch", ARCHES)
def test_a_second_banner_fails_at_once_naming_the_line(boot_console, kernel, arch):
    """A reset that reboots (QEMU without -no-reboot would) shows the banner
    again; here the guest prints it as an unknown command's echo would not:
    the watch sees a whole line starting `boot:`, as the kernel prints it."""
    console = boot_console(arch, kernel(arch))
    console.watch.command = "ticks"
    with pytest.raises(ConsoleError) as failure:
        console._check(f"boot: {arch} kernel up, again\r\n")
    assert "the boot banner again" in str(failure.value)
    assert f"boot: {arch} kernel up, again" in str(failure.value)


def test_an_unexpected_vector_fails_at_once(boot_console, x86_64_kernel):
    """`int 0x44` reaches a default entry: a test that did not say it expects
    that fails on the report line, not later."""
    console = boot_console("x86_64", x86_64_kernel)
    with pytest.raises(ConsoleError) as failure:
        console.run("int 0x44")
    message = str(failure.value)
    assert "note=unexpected-vector" in message and "console_allows('unexpected-vector')" in message


def test_disable_check_lets_one_pattern_through(boot_console, x86_64_kernel):
    console = boot_console("x86_64", x86_64_kernel)
    with console.disable_check("unexpected-vector"):
        assert "note=unexpected-vector" in console.run("int 0x44")
    with pytest.raises(ConsoleError):
        console.run("int 0x44")


@pytest.mark.emulator_only("QMP")
@pytest.mark.parametrize("arch", QMP_ARCHES)
def test_registers_over_qmp_name_the_pc(boot_console, kernel, arch):
    """What a failure report shows: the PC by function and source line."""
    console = boot_console(arch, kernel(arch))
    registers = console.registers()
    for start, meaning in profile(arch).magic_pcs:      # caught mid exception return: named as such
        if re.match(rf"PC 0x[0-9a-f]+ is {re.escape(meaning)}", registers):
            assert int(registers.split()[1], 16) >= start, registers
            return
    assert re.match(r"PC 0x[0-9a-f]+ is in \w+\+0x[0-9a-f]+", registers), registers
    if arch != "avr":                   # avr-gcc's line table misses the inline asm the CPU idles in
        assert re.match(r"PC 0x[0-9a-f]+ is in \w+\+0x[0-9a-f]+ \(\S+:\d+\)", registers), registers


@pytest.mark.parametrize("arch", ARCHES)
def test_a_failed_expectation_is_short_and_complete(boot_console, kernel, arch):
    """A ConsoleError: what was awaited, the transcript, QEMU's log, the
    registers; no chained pexpect traceback."""
    console = boot_console(arch, kernel(arch))
    with pytest.raises(ConsoleError) as failure:
        console.expect("never printed", timeout=0.2)
    error = failure.value
    assert error.__cause__ is None and error.__suppress_context__
    for part in ("waiting for 'never printed'", "--- transcript tail", "--- QEMU log", "--- registers ---"):
        assert part in str(error)


@pytest.mark.emulator_only("QMP")
def test_an_external_nmi_reaches_the_nmi_gate(boot_console, x86_64_kernel):
    """QMP inject-nmi raises a real NMI (the LAPIC's, not `int 2`): the same
    gate, on IST2, and the interrupted code goes on."""
    console = boot_console("x86_64", x86_64_kernel)
    console.watch.command = "trap"        # the report is the point of this test
    console.monitor.command("inject-nmi")
    report = console.expect(r"\[trap\] vec=2 name=NMI style=(\w+) err=- rip=0x[0-9a-f]+ (.*)then=resume")
    assert "stack=ist2" in report[2]
    by_int = console.run("trap nmi")
    assert f"vec=2 name=NMI style={report[1]}" in by_int
    assert "ticks=" in console.run("ticks")


def test_each_run_keeps_its_own_transcripts(boot_console, x86_64_kernel, run_id):
    """Two pytest runs in one checkout write to different folders."""
    console = boot_console("x86_64", x86_64_kernel)
    assert run_id in console.transcript_path.parts
