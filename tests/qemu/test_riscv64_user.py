"""riscv64: a U-mode task under PMP. Its ecall reaches the kernel and comes
back; its attempts at M-mode state are reported as the exception they raise."""
import re

from tools import toolchain
from tools.elf_symbols import Image

from tests.facts import style
from tests.qemu.report import reports, one_report

ELF = toolchain.kernel_elf("riscv64")


def user_region():
    symbols = Image(ELF).symbols
    return symbols["__user_start"].address, symbols["__user_end"].address


def test_user_ecall_returns_then_exits_to_the_kernel(rv):
    output = rv.run("trap user-ecall")
    echo, leave = reports(output)
    start, end = user_region()
    for report in (echo, leave):
        assert (report["vec"], report["name"], report["style"], report["mcause"], report["mode"]) == \
            ("8", "ecall-u", style("riscv64", 8), "0x8", "user")
        assert start <= int(report["mepc"], 16) < end, "the ecall is in the user region"
    assert (echo["sys"], echo["a0"], echo["then"]) == ("echo", "0x41", "resume")
    assert (leave["sys"], leave["a0"], leave["then"]) == ("exit", "0x42", "recover")
    assert int(leave["mepc"], 16) > int(echo["mepc"], 16), "the task went on past its first ecall"
    assert output.rstrip().endswith("trap user-ecall: recovered")


def test_user_read_of_mstatus_is_an_illegal_instruction(rv):
    report = one_report(rv.run("trap user-csr"))
    assert (report["vec"], report["name"], report["mode"], report["then"]) == ("2", "illegal", "user", "recover")
    # mtval holds the instruction: csrr a0, mstatus (csrrs a0, 0x300, x0).
    assert report["mtval"] == "0x30002573"


def test_user_load_of_kernel_memory_is_a_pmp_access_fault(rv):
    report = one_report(rv.run("trap user-mem"))
    assert (report["vec"], report["name"], report["mode"], report["then"]) == ("5", "load-fault", "user", "recover")
    assert int(report["mtval"], 16) == Image(ELF).symbols["ticks"].address


def test_kernel_keeps_running_after_user_faults(rv):
    for trap in ("user-csr", "user-mem", "user-ecall"):
        rv.run(f"trap {trap}")
    first = int(re.search(r"ticks=(\d+)", rv.run("ticks"))[1])
    rv.run("sleep 30")
    assert int(re.search(r"ticks=(\d+)", rv.run("ticks"))[1]) > first
    assert one_report(rv.run("trap ecall"))["mode"] == "machine"
