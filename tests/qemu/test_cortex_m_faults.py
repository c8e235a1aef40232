"""cortex-m: every exception that `trap NAME` raises, decoded on the console.

Each fault recovers to the prompt; SVC and NMI resume. Fields are checked as
the kernel names them (cfsr, fault, bfar, hfsr, forced, imm, stack, ...).
"""
import pytest

from tools.elf_symbols import Image

from tests.facts import style
from tests.qemu.report import one_report
from tests.qemu.scenarios import assert_faults_keep_recovering

# trap, vector, name, fields, outcome; the style comes from the manifest
CASES = [
    ("undef", 6, "UsageFault", {"cfsr": "0x10000", "fault": "undefinstr"}, "recover"),
    ("div0", 6, "UsageFault", {"cfsr": "0x2000000", "fault": "divbyzero"}, "recover"),
    ("unaligned", 6, "UsageFault", {"cfsr": "0x1000000", "fault": "unaligned"}, "recover"),
    ("bus", 5, "BusFault", {"cfsr": "0x8200", "fault": "preciserr", "bfar": "0x60000000",
                                   "bus": "precise"}, "recover"),
    ("xn", 4, "MemManage", {"cfsr": "0x1", "fault": "iaccviol", "pc": "0xe0000000"}, "recover"),
    ("forced", 3, "HardFault", {"hfsr": "0x40000000", "forced": "primask", "fault": "undefinstr",
                                       "active": "3"}, "recover"),
    ("forced-bus", 3, "HardFault", {"hfsr": "0x40000000", "forced": "disabled", "fault": "preciserr",
                                           "bfar": "0x60000000", "bus": "precise"}, "recover"),
    ("svc", 11, "SVCall", {"imm": "42", "stack": "msp"}, "resume"),
    ("svc-psp", 11, "SVCall", {"imm": "7", "stack": "psp"}, "resume"),
    ("nmi", 2, "NMI", {"active": "2"}, "resume"),
]


@pytest.mark.parametrize("trap, vector, name, fields, then", CASES, ids=[c[0] for c in CASES])
def test_trap_reports_and_comes_back(cm, trap, vector, name, fields, then):
    output = cm.run(f"trap {trap}")
    report = one_report(output)
    assert (report["vec"], report["name"], report["style"], report["err"], report["then"]) == \
        (str(vector), name, style("cortex-m", vector), "-", then)
    assert report["from"] == "thread"
    for key, value in fields.items():
        assert report[key] == value, f"{key}: {report[key]} != {value}\n{output}"
    assert output.rstrip().endswith(f"trap {trap}: {'resumed' if then == 'resume' else 'recovered'}")
    assert "ticks=" in cm.run("ticks")          # the machine is whole: the shell and the timer work


def test_fault_pc_is_the_instruction_and_svc_pc_is_the_next(cm, cortex_m_kernel):
    """Read the image at the stacked PC: a precise fault points at the faulting
    instruction, SVC just past itself (ARMv7-M ARM B1.5.6)."""
    image = Image(cortex_m_kernel)
    undef = int(one_report(cm.run("trap undef"))["pc"], 16)
    assert image.read(undef, 2) == b"\x00\xde", "UsageFault PC must point at udf #0 (0xde00)"
    div = int(one_report(cm.run("trap div0"))["pc"], 16)
    assert image.read(div, 4) == bytes.fromhex("b0fbf1f0"), "PC must point at udiv r0, r0, r1"
    svc = int(one_report(cm.run("trap svc"))["pc"], 16)
    assert image.read(svc - 2, 2) == bytes([42, 0xdf]), "SVC PC must point just past svc #42"


def test_hard_fault_shows_the_stacked_frame(cm):
    report = one_report(cm.run("trap forced"))
    for register in ("r0", "r1", "r2", "r3", "r12", "lr", "xpsr"):
        assert report[register].startswith("0x"), register
    assert int(report["xpsr"], 16) & (1 << 24), "stacked xPSR must have the Thumb bit"


def test_abi_and_stub_see_the_same_frame_address(cm):
    """The abi UsageFault handler finds the hardware frame from its own frame
    record; the stub is handed it. Raised from the same shell depth, both
    must name the same address."""
    abi = one_report(cm.run("trap undef"))
    stub = one_report(cm.run("trap bus"))
    assert abi["frame"] == stub["frame"]


def test_bus_fault_is_enabled_again_after_the_forced_one(cm):
    assert one_report(cm.run("trap forced-bus"))["name"] == "HardFault"
    assert one_report(cm.run("trap bus"))["name"] == "BusFault"


def test_repeated_faults_keep_recovering(cm):
    assert_faults_keep_recovering(cm, ["forced", "bus"], ["vec=3 name=HardFault", "vec=5 name=BusFault"])
    assert "slept ms=30" in cm.run("sleep 30")     # PRIMASK is clear again after the forced fault
