"""Every CPU exception that software can raise, through `trap NAME`: the report
line's fields, and whether the code resumed or recovered to the prompt."""
import re

import pytest

from tools.elf_symbols import Image
from tools.symbolize import Symbolizer

from tests.facts import slot, style
from tests.qemu.report import one_report
from tests.qemu.scenarios import assert_faults_keep_recovering, assert_trap

# trap name, vector, mnemonic, error code, extra fields, outcome; the style comes from the manifest
CASES = [
    ("de", 0, "#DE", "-", {}, "recover"),
    ("db", 1, "#DB", "-", {}, "resume"),
    ("nmi", 2, "NMI", "-", {}, "resume"),
    ("bp", 3, "#BP", "-", {}, "resume"),
    ("of", 4, "#OF", "-", {}, "resume"),
    ("br", 5, "#BR", "-", {}, "recover"),
    ("ud", 6, "#UD", "-", {}, "recover"),
    ("nm", 7, "#NM", "-", {}, "resume"),
    ("mf", 16, "#MF", "-", {}, "resume"),
    ("df", 8, "#DF", "0x0", {}, "recover"),
    ("np", 11, "#NP", "0x28", {"sel": "0x28", "table": "gdt", "index": "5"}, "recover"),
    ("ss", 12, "#SS", "0x28", {"sel": "0x28", "table": "gdt", "index": "5"}, "recover"),
    ("gp", 13, "#GP", "0x0", {}, "recover"),
    ("gp-sel", 13, "#GP", "0x40", {"sel": "0x40", "index": "8"}, "recover"),
    ("pf", 14, "#PF", "0x0", {"cr2": "0x0", "pf": "not-present,read,supervisor,data"}, "recover"),
    ("pf-write", 14, "#PF", "0x2", {"cr2": "0x0", "pf": "not-present,write,supervisor,data"}, "recover"),
    ("pf-ro", 14, "#PF", "0x3", {"cr2": "0x1000", "pf": "protection,write,supervisor,data"}, "recover"),
    ("pf-nx", 14, "#PF", "0x11", {"cr2": "0x2000", "pf": "protection,read,supervisor,fetch", "rip": "0x2000"},
     "recover"),
]


@pytest.mark.parametrize("trap, vector, name, err, fields, then", CASES, ids=[c[0] for c in CASES])
def test_trap_reports_and_comes_back(x86, trap, vector, name, err, fields, then):
    ist = slot("x86_64", vector)["options"]["ist"]      # the spec's ist= picks the stack the handler runs on
    if ist:
        fields = {**fields, "stack": f"ist{ist}"}
    assert_trap(x86, trap, vector, name, style("x86_64", vector), err, fields, then)


def test_single_step_reports_dr6_single_step_bit(x86):
    report = one_report(x86.run("trap db"))
    assert int(report["dr6"], 16) & (1 << 14), "DR6.BS (single step) must be set"


def test_fault_rip_is_the_instruction_and_trap_rip_is_the_next(x86, x86_64_kernel):
    """Read the kernel image at the reported RIP: a fault points at the
    instruction that faulted, a trap just past the one that trapped."""
    image = Image(x86_64_kernel)
    ud = int(one_report(x86.run("trap ud"))["rip"], 16)
    assert image.read(ud, 2) == b"\x0f\x0b", "#UD RIP must point at ud2"
    de = int(one_report(x86.run("trap de"))["rip"], 16)
    assert image.read(de, 2) == b"\xf7\xf1", "#DE RIP must point at div %ecx"
    bp = int(one_report(x86.run("trap bp"))["rip"], 16)
    assert image.read(bp - 1, 1) == b"\xcc", "#BP RIP must point just past int3"


def test_reported_rip_symbolizes_to_the_trigger(x86, x86_64_kernel):
    symbolizer = Symbolizer(x86_64_kernel)
    for trap, function in [("ud", "raise_ud"), ("gp", "raise_gp"), ("pf-ro", "raise_pf_protection")]:
        where = symbolizer.describe(int(one_report(x86.run(f"trap {trap}"))["rip"], 16))
        assert re.match(rf"{function}\+0x[0-9a-f]+ \(kernel/x86_64/traps.c:\d+\)$", where), where


def test_repeated_faults_keep_recovering(x86):
    assert_faults_keep_recovering(x86, ["df", "pf"], ["vec=8 name=#DF", "vec=14 name=#PF"])
