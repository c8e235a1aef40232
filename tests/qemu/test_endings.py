"""Every way a QEMU run can end, on every arch, told apart (qemu/ending.py).

A guest status is reported only when the guest chose it: its `exit status=N`
line, QEMU's exit code for N, and no SHUTDOWN event must all agree. Each case
here is one that an exit code alone gets wrong on some arch: x86_64 `exit 0`
and QEMU's own error both give 1, riscv64 `exit 0` and a reset both give 0,
Arm semihosting `exit 1` is QEMU's error code.
"""
import signal

import pytest

from isr import arches
from qemu.console import Console, ConsoleError
from qemu.profiles import PROFILES

from tests.qemu.scenarios import assert_ending, assert_exit_status

ARCHES = arches.names()
QEMU_ARCHES = [a for a in ARCHES if PROFILES[a].launcher == "qemu"]     # msp430 runs under mspdebug: no QMP
# A reset that stops QEMU: by the machine's own reset path (x86_64 has none
# but the triple fault). Where the emulator does not see the reset (AVR: no
# watchdog in QEMU; msp430: the simulator restarts the program on a PUC), the
# guest boots again in place, and the console's watch fails on the second banner.
RESET_KIND = {"x86_64": "triple-fault"}
RESTARTS_IN_PLACE = ["avr", "msp430"]


@pytest.mark.parametrize("status", [0, 1, 3, 127])      # 127: the highest a guest may give on every arch
@pytest.mark.parametrize("arch", ARCHES)
def test_guest_exit_status(boot_console, kernel, arch, status):
    assert_exit_status(boot_console(arch, kernel(arch)), status)


@pytest.mark.parametrize("arch", [a for a in ARCHES if a not in RESTARTS_IN_PLACE])
def test_a_reset_by_the_guest_is_no_exit_status(boot_console, kernel, arch):
    """`reset` takes the machine's own reset path (riscv64: the finisher's
    0x7777, exit code 0 like `exit 0`); -no-reboot makes QEMU stop."""
    console = boot_console(arch, kernel(arch))
    assert_ending(console, "reset", RESET_KIND.get(arch, "reset"))


@pytest.mark.parametrize("arch", RESTARTS_IN_PLACE)
def test_a_reset_in_place_shows_the_banner_again_and_fails_at_once(boot_console, kernel, arch):
    console = boot_console(arch, kernel(arch))
    console.send("reset\r")
    with pytest.raises(ConsoleError, match="the boot banner again"):
        console.wait_prompt()


def test_a_cortex_m_lockup_is_no_exit_status(boot_console, cortex_m_kernel):
    """A fault with FAULTMASK set cannot escalate even to HardFault: the core
    locks up, which QEMU 7.2 handles by aborting (SIGABRT) with `qemu: fatal: Lockup`.
    aarch64 and riscv64 have no such state: a fault in their handler traps again."""
    console = boot_console("cortex-m", cortex_m_kernel)
    ending = assert_ending(console, "trap lockup", "lockup")
    assert "can't escalate" in str(ending)


@pytest.mark.emulator_only("QMP")
@pytest.mark.parametrize("arch", QEMU_ARCHES)
def test_a_reset_from_the_host_is_no_exit_status(boot_console, kernel, arch):
    console = boot_console(arch, kernel(arch))
    console.monitor.command("system_reset")
    ending = console.wait_ending()
    assert (ending.kind, ending.status) == ("reset", None), str(ending)


@pytest.mark.emulator_only("emulator process (its exit code, its signals)")
@pytest.mark.parametrize("arch", ARCHES)
def test_a_killed_qemu_is_no_exit_status(boot_console, kernel, arch):
    console = boot_console(arch, kernel(arch))
    console.child.kill(signal.SIGKILL)
    ending = console.wait_ending()
    assert (ending.kind, ending.status) == ("killed", None), str(ending)
    assert "SIGKILL" in str(ending)


@pytest.mark.parametrize("arch", QEMU_ARCHES)
def test_a_qemu_startup_error_is_no_exit_status(kernel, arch, tmp_path):
    """QEMU refuses a kernel it cannot load with exit code 1: on x86_64 that is
    what `exit 0` gives, on Arm semihosting what `exit 1` gives."""
    missing = tmp_path / "no-such-kernel.elf"
    kernel(arch)
    with Console(arch, missing, tmp_path, "startup") as console:
        ending = console.wait_ending()
    assert (ending.kind, ending.status, ending.returncode) == ("error", None, 1), str(ending)
    assert str(missing) in str(ending), "the words say what QEMU could not do"


@pytest.mark.emulator_only("QMP")
@pytest.mark.parametrize("arch", QEMU_ARCHES)
def test_a_quit_through_qmp_is_no_exit_status(boot_console, kernel, arch):
    console = boot_console(arch, kernel(arch))
    console.monitor.command("quit")
    ending = console.wait_ending()
    assert (ending.kind, ending.status) == ("quit", None), str(ending)

