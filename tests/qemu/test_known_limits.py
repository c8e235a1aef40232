"""What QEMU 7.2 does not raise, as executable facts.

Each test tries to raise the exception the hardware would, and asserts what
the hardware does. Each is expected to fail (strict): the day a newer QEMU
raises one, the test passes, strict xfail turns that into a failure, and the
README's "not raised" list and this mark must change. The reason names the
QEMU version the fact was measured on; the assertion message names the one
that ran.
"""
import pytest

from tests.qemu.report import reports

MEASURED_ON = "QEMU 7.2 (Debian 12)"


class StillALimit(AssertionError):
    """The one failure these tests expect: anything else (a guest that does
    not boot, a wrong report) fails them as usual, not as expected."""


def expect(found, wanted, console, what):
    if found != wanted:
        raise StillALimit(f"{version(console)}: {what} gave {found or 'nothing'}, the hardware gives {wanted}")


def version(console):
    v = console.qemu_version
    return f"QEMU {v['major']}.{v['minor']}.{v['micro']}" if v else "QEMU (version unknown)"


@pytest.mark.xfail(strict=True, raises=StillALimit, reason=f"{MEASURED_ON}: TCG sets MXCSR.ZE for an unmasked SSE error "
                                       "and never raises #XM")
@pytest.mark.console_allows("unexpected-vector")     # #XM is not bound in the shipped spec
def test_x86_64_unmasked_sse_divide_by_zero_raises_xm(x86):
    output = x86.run("trap xm")
    found = [r["name"] for r in reports(output)]
    expect(found, ["#XM"], x86, "`trap xm`")


@pytest.mark.xfail(strict=True, raises=StillALimit, reason=f"{MEASURED_ON}: TCG checks no alignment, so a "
                                       "misaligned load at CPL 3 with CR0.AM and RFLAGS.AC set succeeds")
@pytest.mark.console_allows("unexpected-vector")     # #AC is not bound in the shipped spec
def test_x86_64_ring3_misaligned_load_with_alignment_check_raises_ac(x86):
    output = x86.run("trap user-ac")
    found = [r["name"] for r in reports(output) if r["name"] != "SW"]     # SW: the task's exit call
    expect(found, ["#AC"], x86, "`trap user-ac`")


@pytest.mark.xfail(strict=True, raises=StillALimit, reason=f"{MEASURED_ON}: one-hart TCG performs a misaligned AMO as a "
                                       "load, and reports load-misaligned (cause 4)")
def test_riscv64_misaligned_amo_raises_store_misaligned(rv):
    output = rv.run("trap amo-misaligned")
    found = [(r["name"], r["mcause"]) for r in reports(output)]
    expect(found, [("store-misaligned", "0x6")], rv, "`trap amo-misaligned`")


@pytest.mark.xfail(strict=True, raises=StillALimit, reason=f"{MEASURED_ON}: every store completes before the next "
                                       "instruction, so a store's BusFault is precise")
def test_cortex_m_buffered_store_bus_fault_is_imprecise(cm):
    output = cm.run("trap bus-write")
    found = [(r["name"], r.get("bus")) for r in reports(output)]
    expect(found, [("BusFault", "imprecise")], cm, "`trap bus-write`")
