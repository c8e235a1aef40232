"""riscv64: every exception that software can raise in M-mode, through `trap NAME`:
the report line's fields, and whether the code resumed or recovered to the prompt."""
import pytest

from tools import toolchain
from tools.elf_symbols import Image
from tools.findings import AMO_AS_LOAD

from tests.facts import style as slot_style
from tests.qemu.report import one_report
from tests.qemu.scenarios import assert_faults_keep_recovering

ELF = toolchain.kernel_elf("riscv64")

# A misaligned AMO: store/AMO misaligned on the hardware; load-misaligned on
# a QEMU that performs it as a load (tests/qemu/test_known_limits.py).
AMO = (4, "load-misaligned", "0x4") if AMO_AS_LOAD.present() else (6, "store-misaligned", "0x6")

# trap name, vector, name, mcause, fixed fields, outcome; the style comes from the manifest.
# ebreak's mtval may be 0 or the breakpoint's address (privileged spec 3.1.16):
# QEMU 7.2.22 writes 0, 10.0.13 the address, "mepc" here.
CASES = [
    ("ecall", 11, "ecall-m", "0xb", {"mtval": "0x0"}, "resume"),
    ("ebreak", 3, "breakpoint", "0x3", {"mtval": ("0x0", "mepc")}, "resume"),
    ("illegal", 2, "illegal", "0x2", {"mtval": "0xc0001073"}, "recover"),
    ("load-fault", 5, "load-fault", "0x5", {"mtval": "0x0"}, "recover"),
    ("store-fault", 7, "store-fault", "0x7", {"mtval": "0x0"}, "recover"),
    ("fetch-fault", 1, "insn-fault", "0x1", {"mtval": "0x0", "mepc": "0x0"}, "recover"),
    ("load-misaligned", 4, "load-misaligned", "0x4", {}, "recover"),
    ("amo-misaligned", *AMO, {}, "recover"),
]


@pytest.mark.parametrize("trap, vector, name, mcause, fields, then", CASES, ids=[c[0] for c in CASES])
def test_trap_reports_and_comes_back(rv, trap, vector, name, mcause, fields, then):
    style = slot_style("riscv64", vector)
    output = rv.run(f"trap {trap}")
    report = one_report(output)
    assert (report["vec"], report["name"], report["style"], report["err"], report["mcause"],
            report["mode"], report["then"]) == (str(vector), name, style, "-", mcause, "machine", then)
    for key, value in fields.items():
        allowed = {report[v] if v in report else v for v in value} if isinstance(value, tuple) else {value}
        assert report[key] in allowed, f"{key}: {report[key]} not in {allowed}\n{output}"
    assert output.rstrip().endswith(f"trap {trap}: {'resumed' if then == 'resume' else 'recovered'}")
    assert "ticks=" in rv.run("ticks")       # the machine is still whole


def test_mepc_is_the_trapping_instruction(rv):
    """Read the kernel image at the reported mepc: ecall, c.ebreak and the
    illegal csrrw sit there (mtval holds the illegal instruction's bits)."""
    image = Image(ELF)
    ecall = int(one_report(rv.run("trap ecall"))["mepc"], 16)
    assert image.read(ecall, 4) == (0x00000073).to_bytes(4, "little")
    ebreak = int(one_report(rv.run("trap ebreak"))["mepc"], 16)
    assert image.read(ebreak, 2) == (0x9002).to_bytes(2, "little"), "c.ebreak: the 2-byte form"
    illegal = one_report(rv.run("trap illegal"))
    assert image.read(int(illegal["mepc"], 16), 4) == int(illegal["mtval"], 16).to_bytes(4, "little")


def test_misaligned_mtval_is_the_odd_address(rv):
    target = Image(ELF).symbols["misaligned_target"].address
    for trap in ("load-misaligned", "amo-misaligned"):
        assert int(one_report(rv.run(f"trap {trap}"))["mtval"], 16) == target + 1


def test_repeated_faults_keep_recovering(rv):
    assert_faults_keep_recovering(rv, ["load-fault", "store-fault"],
                                  ["vec=5 name=load-fault", "vec=7 name=store-fault"])
