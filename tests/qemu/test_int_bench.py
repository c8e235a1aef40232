"""`int N` on a bench vector (bench=, the cost report's): its handler only adds
to bench_counter and prints no report line, so the shell says what ran, as
the `int N` row of docs/reference/shell.md says (issue 22: before, nothing came, and on aarch64 an
error claimed that the SGI never arrived while QEMU had delivered it).

Which vectors are bench vectors comes from each build's manifest.
"""
import pytest

from qemu.profiles import PROFILES
from tests import facts
from tests.qemu.report import reports

# Bench vectors that an arch's `int` refuses, by name (kernel/<arch>/softint.c
# says why; `bench N` raises them all the same).
REFUSED = {"avr": {"TIMER1_COMPC"}}     # QEMU 7.2 schedules compare C from OCR1B


def bench_line(vector):
    return f"int {vector}: bench vector, taken=1 (bench handlers only count: no report line)"


@pytest.mark.parametrize("arch", sorted(PROFILES))
def test_int_on_a_bench_vector_says_its_handler_ran_once(arch, boot_console, kernel):
    elf = kernel(arch)
    bench = [s for s in facts.slots(arch) if s["bench"]]
    assert bench, (f"the {arch} spec binds no bench vector, so this test has nothing to try: bind one with "
                   f"bench=\"counter\" (docs/reference/cost.md)")
    guest = boot_console(arch, elf)
    for slot in bench:
        vector = slot["vector"]
        output = guest.run(f"int {vector}")
        shown = f"int {vector} ({slot['name']}, {slot['handler']}):\n{output}"
        if slot["name"] in REFUSED.get(arch, ()):
            assert output.startswith("error:") and "bench vector" not in output, shown
            continue
        lines = output.rstrip().splitlines()
        assert "error" not in output and not reports(output), shown
        assert len(lines) >= 2 and lines[-2].startswith(f"int {vector}: returned") \
            and lines[-1] == bench_line(vector), \
            f"expected `int {vector}: returned`, then `{bench_line(vector)}`; got {shown}"
        assert f"bench {vector}: taken=1" in guest.run(f"bench {vector}"), "the same vector, measured"


def not_bench_error(command, vector, bench):
    return (f"error: {command} {vector}: not a bench vector; the bench vectors are "
            f"{' '.join(str(s['vector']) for s in bench)} (bench= in isr/")


@pytest.mark.parametrize("arch", sorted(PROFILES))
def test_bench_and_probe_refuse_a_vector_that_is_not_a_bench_vector(arch, boot_console, kernel):
    """Before, `bench N` on another vector printed its report line and then taken=0,
    and `probe N` ran although its usage says "a bench vector"."""
    elf = kernel(arch)
    slots = facts.slots(arch)
    bench = sorted((s for s in slots if s["bench"]), key=lambda s: s["vector"])
    assert bench, (f"the {arch} spec binds no bench vector, so this test has nothing to try: bind one with "
                   f"bench=\"counter\" (docs/reference/cost.md)")
    other = next(s for s in slots if not s["bench"] and s["style"] != "default")
    guest = boot_console(arch, elf)
    for command in ("bench", "probe"):
        output = guest.run(f"{command} {other['vector']}")
        assert output.strip().startswith(not_bench_error(command, other["vector"], bench)), output
        assert "taken=" not in output and "checks=" not in output and not reports(output), output
    assert f"bench {bench[0]['vector']}: taken=1" in guest.run(f"bench {bench[0]['vector']}")
