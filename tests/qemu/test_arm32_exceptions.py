"""arm32 exceptions through `trap NAME`: the mode each one banks, DFSR/DFAR or
IFSR/IFAR decoded, the return address, and where each handler's return lands,
checked against the instruction bytes in the ELF and against QEMU's -d int log."""
import struct

import pytest

from qemu.int_log import entries
from tools.elf_symbols import Image

from tests import facts
from tests.qemu.qemu_log import finished_log
from tests.qemu.report import one_report, only
from tests.qemu.scenarios import assert_faults_keep_recovering, assert_trap

UNASSIGNED = "0xb000000"       # kernel/arm32/memlayout.h TRAP_UNASSIGNED
# target/arm excnames, as "Taking exception N [NAME]" prints them.
QEMU_NAMES = {"UNDEF": "Undefined Instruction", "SVC": "SVC", "PABT": "Prefetch Abort", "DABT": "Data Abort"}


def slot(name):
    return next(s for s in facts.slots("arm32") if s["name"] == name)


# trap name, vector name, fault status (err=), extra fields, outcome
CASES = [
    ("svc", "SVC", "-", {"mode": "svc", "from": "sys", "imm": "0x2a"}, "resume"),
    ("undef", "UNDEF", "-", {"mode": "und", "from": "sys", "insn": "0xe7f004f2"}, "resume"),
    ("vfp", "UNDEF", "-", {"mode": "und", "insn": "0xeef10a10"}, "resume"),
    ("dabt", "DABT", "0x8", {"mode": "abt", "dfar": UNASSIGNED, "fs": "sync-external", "access": "read"},
     "resume"),
    ("dabt-write", "DABT", "0x808", {"mode": "abt", "dfar": UNASSIGNED, "fs": "sync-external",
                                     "access": "write"}, "resume"),
    ("align", "DABT", "0x1", {"mode": "abt", "fs": "alignment", "access": "read"}, "resume"),
    ("pabt", "PABT", "0x8", {"mode": "abt", "ifar": UNASSIGNED, "pc": UNASSIGNED, "fs": "sync-external"},
     "recover"),
    ("bkpt", "PABT", "0x2", {"mode": "abt", "fs": "debug"}, "resume"),
]


@pytest.mark.parametrize("trap, name, err, fields, then", CASES, ids=[c[0] for c in CASES])
def test_trap_reports_and_comes_back(a32, trap, name, err, fields, then):
    vector = slot(name)
    assert_trap(a32, trap, vector["vector"], name, vector["style"], err, fields, then)


def word(image, address):
    return struct.unpack("<I", image.read(address, 4))[0]


def test_pc_is_the_preferred_return_address_and_lr_keeps_the_cpu_offset(a32, kernel):
    """Read the kernel image at the reported addresses (ARM DDI 0406C B1.8.3):
    SVC's pc is past the SVC (LR + 0); UNDEF's and the data abort's pc is the
    instruction itself, with LR 4 and 8 past it."""
    image = Image(kernel("arm32"))
    svc = one_report(a32.run("trap svc"))
    assert word(image, int(svc["pc"], 16) - 4) == 0xef00002a and svc["lr"] == svc["pc"]
    und = one_report(a32.run("trap undef"))
    assert word(image, int(und["pc"], 16)) == int(und["insn"], 16) == 0xe7f004f2
    assert int(und["lr"], 16) == int(und["pc"], 16) + 4
    dabt = one_report(a32.run("trap dabt"))
    assert word(image, int(dabt["pc"], 16)) & 0xfff00000 == 0xe5900000, "pc must be the faulting LDR"
    assert int(dabt["lr"], 16) == int(dabt["pc"], 16) + 8
    bkpt = one_report(a32.run("trap bkpt"))
    assert word(image, int(bkpt["pc"], 16)) == 0xe1200077, "pc must be bkpt #0x7"


@pytest.mark.emulator_only("the -d int log")
@pytest.mark.parametrize("trap", [c[0] for c in CASES])
def test_report_agrees_with_qemu_s_interrupt_log(a32, kernel, trap):
    """The exception QEMU says it took, its fault registers, the mode it
    returned from, and the PC it returned to: the report line's fields and
    what the handler's return does (each kind's `subs pc, lr, #N`, the stub's
    step past BKPT, or recovery_resume)."""
    report = one_report(a32.run(f"trap {trap}"))
    if report["then"] == "recover":
        back = Image(kernel("arm32")).symbols["recovery_resume"].address
    elif trap == "bkpt":
        back = int(report["pc"], 16) + 4
    else:
        back = int(report["lr"], 16) - slot(report["name"])["options"]["kind_return"]
    qemu_name = "Breakpoint" if trap == "bkpt" else QEMU_NAMES[report["name"]]
    taken = entries("arm32", finished_log(a32))
    logged = only([e for e in taken if e["name"] == qemu_name], f"{qemu_name} in QEMU's log", taken)
    assert logged["back"] == (report["mode"], report["from"], back)
    if report["name"] == "DABT":
        assert logged["fault"] == ("DFSR", int(report["err"], 16), int(report["dfar"], 16))
    elif report["name"] == "PABT":
        assert logged["fault"][:2] == ("IFSR", int(report["err"], 16))
        assert trap == "bkpt" or logged["fault"][2] == int(report["ifar"], 16)


def test_repeated_faults_keep_recovering(a32):
    """The prefetch abort is the one that recovers (an ABORT return would
    re-execute it); each recovery unwinds ABT mode's stack, so it never runs out."""
    assert_faults_keep_recovering(a32, ["pabt"], ["vec=3 name=PABT"])
