"""What QEMU does not raise (or raises otherwise than the hardware), as executable facts.

Each test tries to raise the exception the hardware would, and asserts what
the hardware does. Each finding (tools/findings.py) names the QEMU versions
it was seen on and the first seen without it: on an installed QEMU that has
it the test is a strict xfail, on one that does not it asserts the hardware's
behaviour. The day a QEMU in between turns out fixed, strict xfail turns that
into a failure, and the Finding in tools/findings.py (the book's docs/reference/findings.md is made from it) must change.
The assertion message names the version that ran.
"""
import pytest

from tools.findings import AMO_AS_LOAD, IDT_ERROR_CODE_DOUBLED, NO_AC, NO_XM, PRECISE_BUS_FAULT

from tests.qemu.report import one_report, reports


class StillALimit(AssertionError):
    """The one failure these tests expect: anything else (a guest that does
    not boot, a wrong report) fails them as usual, not as expected."""


def expect(found, wanted, console, what):
    if found != wanted:
        raise StillALimit(f"{version(console)}: {what} gave {found or 'nothing'}, the hardware gives {wanted}")


def version(console):
    v = console.qemu_version
    return f"QEMU {v['major']}.{v['minor']}.{v['micro']}" if v else "QEMU (version unknown)"


@NO_XM.xfail(raises=StillALimit)
@pytest.mark.console_allows("unexpected-vector")     # #XM is not bound in the shipped spec
def test_x86_64_unmasked_sse_divide_by_zero_raises_xm(x86):
    output = x86.run("trap xm")
    found = [r["name"] for r in reports(output)]
    expect(found, ["#XM"], x86, "`trap xm`")


@NO_AC.xfail(raises=StillALimit)
@pytest.mark.console_allows("unexpected-vector")     # #AC is not bound in the shipped spec
def test_x86_64_ring3_misaligned_load_with_alignment_check_raises_ac(x86):
    output = x86.run("trap user-ac")
    found = [r["name"] for r in reports(output) if r["name"] != "SW"]     # SW: the task's exit call
    expect(found, ["#AC"], x86, "`trap user-ac`")


@AMO_AS_LOAD.xfail(raises=StillALimit)
def test_riscv64_misaligned_amo_raises_store_misaligned(rv):
    output = rv.run("trap amo-misaligned")
    found = [(r["name"], r["mcause"]) for r in reports(output)]
    expect(found, [("store-misaligned", "0x6")], rv, "`trap amo-misaligned`")


@PRECISE_BUS_FAULT.xfail(raises=StillALimit)
def test_cortex_m_buffered_store_bus_fault_is_imprecise(cm):
    output = cm.run("trap bus-write")
    found = [(r["name"], r.get("bus")) for r in reports(output)]
    expect(found, [("BusFault", "imprecise")], cm, "`trap bus-write`")


@IDT_ERROR_CODE_DOUBLED.xfail(raises=StillALimit)
def test_x86_64_a_fault_naming_an_idt_gate_pushes_the_sdm_error_code(x86):
    """`break not-present` clears the present bit of on_soft_abi's gate and
    raises its vector: the #NP's error code names the gate, vector * 8 + 2."""
    from tests import facts
    from tests.qemu.qemu_log import sdm_idt_error
    vector = facts.slot_of("x86_64", "on_soft_abi")["vector"]
    report = one_report(x86.run("break not-present"))
    found = [(report["name"], int(report["err"], 16))]
    expect(found, [("#NP", sdm_idt_error(vector))], x86, "`break not-present`")
