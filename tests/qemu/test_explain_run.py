"""`doit explain-<arch> VECTOR --run`: the kernel's report line beside the line QEMU logged for it."""
import re

import pytest

from isr import arches
from qemu.profiles import profile
from reports.explain import log_pattern, no_interrupt_log, raise_and_compare

from tests.facts import bound
from tests.qemu.report import one_report


@pytest.mark.parametrize("arch", arches.names())
def test_run_raises_the_vector_and_finds_its_qemu_log_line(kernel, run_folder, arch):
    kernel(arch)
    vector = next(s["vector"] for s in bound(arch) if s["kind"] in ("software", "irq"))
    lines = raise_and_compare(arch, vector, run_folder(arch))  # not the CLI's folder: another run may use it
    assert lines[0].startswith("  run:       `"), lines
    report = one_report(lines[1].split("kernel:", 1)[1].strip())
    assert report["vec"] == str(vector)
    logged = lines[2].split("QEMU:", 1)[1].strip()
    if log_pattern(arch, vector) is None:           # this emulator logs no interrupts
        assert logged == no_interrupt_log(profile(arch).binary), lines
    else:
        assert re.search(log_pattern(arch, vector), logged), lines
