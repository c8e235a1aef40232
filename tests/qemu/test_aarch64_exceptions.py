"""aarch64 synchronous exceptions through `trap NAME`: ESR_EL1 decoded into the
report line (class, ISS, immediate, FAR, access), and resume or recovery."""
import struct

import pytest

from tools.elf_symbols import Image

from tests.qemu.report import one_report
from tests.qemu.scenarios import assert_trap

UNASSIGNED = "0xb000000"       # kernel/aarch64/memlayout.h TRAP_UNASSIGNED

# trap name, vector, name, style, ESR (err=), extra fields, outcome
CASES = [
    ("svc", 4, "EL1H_SYNC", "stub", "0x5600002a", {"ec": "0x15", "class": "svc", "imm": "0x2a"}, "resume"),
    ("brk", 4, "EL1H_SYNC", "stub", "0xf2000007", {"ec": "0x3c", "class": "brk", "imm": "0x7"}, "resume"),
    ("dabt", 4, "EL1H_SYNC", "stub", "0x96000010",
     {"ec": "0x25", "class": "data-abort", "access": "read", "far": UNASSIGNED, "fsc": "external"}, "recover"),
    ("dabt-write", 4, "EL1H_SYNC", "stub", "0x96000050",
     {"ec": "0x25", "class": "data-abort", "access": "write", "far": UNASSIGNED, "fsc": "external"}, "recover"),
    ("iabt", 4, "EL1H_SYNC", "stub", "0x86000010",
     {"ec": "0x21", "class": "instruction-abort", "far": UNASSIGNED, "elr": UNASSIGNED, "fsc": "external"},
     "recover"),
    ("und", 4, "EL1H_SYNC", "stub", "0x2000000", {"ec": "0x0", "class": "undefined"}, "recover"),
    ("sp0", 0, "EL1T_SYNC", "naked", "0x56000005", {"class": "svc", "imm": "0x5"}, "resume"),
]


@pytest.mark.parametrize("trap, vector, name, style, err, fields, then", CASES, ids=[c[0] for c in CASES])
def test_trap_reports_and_comes_back(a64, trap, vector, name, style, err, fields, then):
    assert_trap(a64, trap, vector, name, style, err, fields, then)


def instruction(image, address):
    return struct.unpack("<I", image.read(address, 4))[0]


def test_elr_is_past_svc_and_at_the_faulting_instruction(a64, aarch64_kernel):
    """Read the kernel image at the reported ELR: SVC's ELR is the next
    instruction, BRK's and UDF's point at the instruction itself (the BRK
    handler steps past it)."""
    image = Image(aarch64_kernel)
    svc = int(one_report(a64.run("trap svc"))["elr"], 16)
    assert instruction(image, svc - 4) == 0xd4000001 | (0x2a << 5), "ELR must be just past svc #0x2a"
    brk = int(one_report(a64.run("trap brk"))["elr"], 16)
    assert instruction(image, brk) == 0xd4200000 | (0x7 << 5), "ELR must point at brk #0x7"
    udf = int(one_report(a64.run("trap und"))["elr"], 16)
    assert instruction(image, udf) == 0x00000000, "ELR must point at udf #0"


def test_repeated_faults_keep_recovering(a64):
    for _ in range(3):
        assert one_report(a64.run("trap dabt"))["then"] == "recover"
        assert one_report(a64.run("trap iabt"))["then"] == "recover"
    assert "vec=4 name=EL1H_SYNC count=6" in a64.run("stats")
