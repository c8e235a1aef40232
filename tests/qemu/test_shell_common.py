"""What the shell does the same way on every arch, tested once per arch.

Per-arch files (tests/qemu/test_<arch>_shell.py) keep what only that arch has:
its trap list, its table's decoding, how its exit status reaches the host.
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
