"""`int N` on a hardware interrupt's vector answers as the `int N` row of docs/reference/shell.md
says, with a report line (issue 14): the IRQ handlers report only with
irqtrace on, so `int` asks for this one report. On x86_64 `int` runs the IRQ
vectors' handlers (32-47); on Cortex-M, `int` pends SysTick or an IRQ."""
import json

import pytest

from tests.qemu.report import reports
from tools import toolchain

# The arches whose `int N` can raise a hardware interrupt's own vector, and the
# exceptions (by the arch's name) that are interrupts from a device there.
DEVICE_EXCEPTIONS = {"x86_64": (), "cortex-m": ("SysTick",)}


def hardware_vectors(arch):
    manifest = json.loads((toolchain.build_dir(arch) / "gen" / "manifest.json").read_text())
    # Bench vectors (bench=) print no report line by design: reports/cost.py measures them.
    return [s["vector"] for s in manifest["vectors"] if s["style"] != "default" and not s.get("bench")
            and (s["kind"] == "irq" or s["name"] in DEVICE_EXCEPTIONS[arch])]


@pytest.mark.parametrize("arch", sorted(DEVICE_EXCEPTIONS))
def test_int_on_an_irq_vector_reports_once_with_irqtrace_off(arch, boot_console, kernel):
    guest = boot_console(arch, kernel(arch))
    vectors = hardware_vectors(arch)
    assert vectors, "the spec binds no hardware interrupt"
    for vector in vectors:
        output = guest.run(f"int {vector}")
        found = [r for r in reports(output) if r["vec"] == str(vector)]
        assert len(found) == 1 and found[0]["then"] == "resume", f"int {vector}:\n{output}"
        assert output.rstrip().splitlines()[-1].startswith(f"int {vector}: returned"), output
    # The request was for one report each: the timer stays quiet afterwards.
    assert not reports(guest.run("sleep 100"))
