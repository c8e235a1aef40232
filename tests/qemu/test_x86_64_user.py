"""x86_64 ring 3: a task on user pages, entered with IRETQ, that the CPU holds
to its privilege. Its system call returns through the DPL 3 gate; its
privileged instructions, its INT through a DPL 0 gate and its touches of
kernel memory are each reported (cpl=3, on the TSS.rsp0 stack) as the
exception the CPU raised, and the kernel goes on. Vectors come from the
manifest, each report is held to QEMU's -d int log."""
import re

import pytest

from qemu.int_log import entries
from tools.elf_symbols import Image

from tests import facts
from tests.qemu.qemu_log import finished_log, qemu_idt_error, x86_logged
from tests.qemu.report import one_report, reports


def slot_of(handler):
    return facts.slot_of("x86_64", handler)


def user_region(elf):
    symbols = Image(elf).symbols
    return symbols["__user_start"].address, symbols["__user_end"].address


def assert_from_ring3(report, elf):
    start, end = user_region(elf)
    assert (report["cpl"], report["stack"]) == ("3", "rsp0")
    assert start <= int(report["rip"], 16) < end, "the saved RIP is in the user pages"


def test_system_call_through_the_dpl3_gate_returns_then_exits(x86, x86_64_kernel):
    syscall = slot_of("on_syscall")
    assert syscall["options"]["dpl"] == 3
    output = x86.run("trap user-syscall")
    echo, leave = reports(output)
    for report in (echo, leave):
        assert (report["vec"], report["style"], report["err"]) == (str(syscall["vector"]), syscall["style"], "-")
        assert_from_ring3(report, x86_64_kernel)
    vector = syscall["vector"]
    assert (echo["sys"], echo["rax"], echo["then"]) == ("echo", hex(0x1000 + vector), "resume")
    assert (leave["sys"], leave["rax"], leave["then"]) == ("exit", hex(0x1000 + vector + 1), "recover")
    assert output.rstrip().endswith("trap user-syscall: recovered")


def test_int_through_a_dpl0_gate_from_ring3_is_gp_naming_the_gate(x86, x86_64_kernel):
    refused = slot_of("on_soft_abi")
    assert refused["options"]["dpl"] == 0
    output = x86.run("trap user-int-dpl0")
    report = one_report(output)
    assert (report["vec"], report["name"], report["then"], report["table"]) == ("13", "#GP", "recover", "idt")
    assert int(report["err"], 16) == qemu_idt_error(refused["vector"])
    assert_from_ring3(report, x86_64_kernel)
    assert Image(x86_64_kernel).read(int(report["rip"], 16), 2) == bytes([0xcd, refused["vector"]]), \
        "#GP is a fault: RIP points at the refused int"


@pytest.mark.parametrize("trap, opcode", [("user-hlt", 0xf4), ("user-cli", 0xfa)])
def test_privileged_instruction_in_ring3_is_gp0(x86, x86_64_kernel, trap, opcode):
    report = one_report(x86.run(f"trap {trap}"))
    assert (report["vec"], report["name"], report["err"], report["then"]) == ("13", "#GP", "0x0", "recover")
    assert_from_ring3(report, x86_64_kernel)
    assert Image(x86_64_kernel).read(int(report["rip"], 16), 1) == bytes([opcode])


def test_ring3_page_faults_carry_the_user_bit(x86, x86_64_kernel):
    unmapped = one_report(x86.run("trap user-pf"))
    assert (unmapped["vec"], unmapped["err"], unmapped["cr2"], unmapped["pf"]) == \
        ("14", "0x4", "0x0", "not-present,read,user,data")
    assert_from_ring3(unmapped, x86_64_kernel)
    kernel = one_report(x86.run("trap user-kmem"))
    assert (kernel["vec"], kernel["err"], kernel["pf"], kernel["then"]) == \
        ("14", "0x5", "protection,read,user,data", "recover")
    assert int(kernel["cr2"], 16) == Image(x86_64_kernel).symbols["ticks"].address
    assert_from_ring3(kernel, x86_64_kernel)


@pytest.mark.emulator_only("the -d int log")
def test_every_ring3_report_agrees_with_qemu_and_the_kernel_goes_on(x86):
    taken = []
    for trap in ("user-syscall", "user-int-dpl0", "user-hlt", "user-cli", "user-pf", "user-kmem", "user-ac"):
        taken += reports(x86.run(f"trap {trap}"))
    first = int(re.search(r"ticks=(\d+)", x86.run("ticks"))[1])
    x86.run("sleep 30")
    assert int(re.search(r"ticks=(\d+)", x86.run("ticks"))[1]) > first
    assert one_report(x86.run("trap bp"))["cpl"] == "0"
    events = entries("x86_64", finished_log(x86))
    for report in taken:
        assert x86_logged(events, report), f"QEMU logged no v={int(report['vec']):02x} matching {report}"


def test_interrupt_gate_clears_if_and_trap_gate_keeps_it(x86):
    """`int N` from the shell (IF=1) for every software vector the spec binds:
    inside the handler IF is 0 behind an interrupt gate, 1 behind a trap gate,
    and `vectors` shows the live gate type the manifest asked for."""
    raisable = [s for s in facts.slots("x86_64") if s["kind"] == "software" and s["style"] != "default"]
    rows = {int(m[1]): m[2] for m in re.finditer(r"vec=(\d+) hex=\S+ name=\S+ gate=(\w+)",
                                                         x86.run("vectors"))}
    for slot in raisable:
        gate = slot["options"]["gate"]
        assert rows[slot["vector"]] == gate
        if slot.get("bench"):
            continue    # a bench handler (reports/cost.py) only counts: it prints no report line
        report = one_report(x86.run(f"int {slot['vector']}"))
        assert report["if"] == ("1" if gate == "trap" else "0"), (slot["vector"], gate, report)
