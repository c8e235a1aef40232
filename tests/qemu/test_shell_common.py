"""What the shell does the same way on every arch, tested once per arch.

Per-arch files (tests/qemu/test_<arch>_shell.py) keep what only that arch has:
its table's decoding and the bound of its `int` (exit statuses: tests/qemu/test_endings.py).
"""
import re

import pytest

from isr import arches
from isr.load import arch_model

from tests.qemu.scenarios import assert_help_lists_every_command

ARCHES = arches.names()
TIMER_HZ = 100          # kernel/ticks.h: every arch's tick


@pytest.mark.parametrize("arch", ARCHES)
def test_the_banner_names_the_arch_its_vectors_and_its_timer(boot_console, kernel, arch):
    console = boot_console(arch, kernel(arch))
    count = arch_model(arch).VECTOR_COUNT
    assert re.search(rf"^boot: {re.escape(arch)} kernel up, {count} vectors, timer {TIMER_HZ} Hz; type help\r*$",
                     console.banner, re.M), console.banner


@pytest.mark.parametrize("arch", ARCHES)
def test_help_lists_every_command(boot_console, kernel, arch):
    assert_help_lists_every_command(boot_console(arch, kernel(arch)))


@pytest.mark.parametrize("arch", ARCHES)
def test_trap_without_a_name_lists_the_triggers(boot_console, kernel, arch):
    listing = boot_console(arch, kernel(arch)).run("trap")
    for name in arch_model(arch).testing.TRAP_TRIGGERS:
        assert re.search(rf"^  {re.escape(name)} ", listing, re.M), f"`trap` does not list {name}:\n{listing}"


@pytest.mark.parametrize("arch", ARCHES)
def test_bad_input_gets_an_error_not_a_crash(boot_console, kernel, arch):
    """kernel/shell.c's errors, the same on every arch (int's bound is each arch's: its own file)."""
    console = boot_console(arch, kernel(arch))
    assert "error: unknown command 'frobnicate'; try help" in console.run("frobnicate")
    assert "error: unknown trap 'zz'" in console.run("trap zz")
    assert "error: usage: sleep MS" in console.run("sleep soon")
    assert "error: exit status 300 out of range" in console.run("exit 300")
