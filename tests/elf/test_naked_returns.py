"""A naked entry that the CPU enters must end in the arch's return from interrupt
(tools/naked_checks.py, the facts in isr/arch_<arch> NAKED_EXIT).

The student's mistake, linked: a variant of the spec binds the first stub
vector the CPU enters to a naked entry whose only instruction is a plain
function return; check-<arch> must then refuse it, naming the vector, the spec
line and the entry, and saying what it must end with.
"""
import json

import pytest
from elftools.elf.elffile import ELFFile

from isr.generate import generate
from isr.load import arch_model
from isr.validate import SpecError
from tools import naked_checks, toolchain
from tools.check_elf import check

from tests.elf.artifacts import compile_generated, gen_dir, hand_written_objects

# The plain function return a student writes, in each arch's assembly, and the
# directives its entry needs (ARM state, Thumb on Cortex-M).
STUDENT = {
    "x86_64": ("", "ret"),
    "riscv64": ("", "ret"),
    "aarch64": ("", "ret"),
    "arm32": (".arm\n", "bx lr"),
    "cortex-m": (".syntax unified\n.thumb\n", "bx lr"),
    "avr": ("", "ret"),
    "msp430": ("", "ret"),
}


def manifest(arch):
    return json.loads((gen_dir(arch) / "manifest.json").read_text())


def _defines(obj, name):
    with open(obj, "rb") as f:
        symtab = ELFFile(f).get_section_by_name(".symtab")
        return any(s.name == name and s["st_shndx"] != "SHN_UNDEF" for s in (symtab.iter_symbols() if symtab else []))


def student_spec(arch, tmp_path):
    """(spec path, the naked slot to replace): a variant of the build's spec that
    binds the first stub vector the CPU enters, and the spec does not need, to a
    naked entry of the student's. Replacing a shipped naked entry instead would
    unlink what only it calls, which lld 19's DEFINED asserts (evaluated after
    --gc-sections) refuse: kmain from cortex-m's reset_entry, soft_naked_report
    from x86_64's soft_naked_entry."""
    called = arch_model(arch).NAKED_EXIT["called"]
    for stub in (s for s in manifest(arch)["vectors"] if s["style"] == "stub" and s["vector"] not in called):
        spec_file, line = stub["where"].rsplit(":", 1)
        lines = (toolchain.ROOT / spec_file).read_text().splitlines()
        assert stub["handler"] in lines[int(line) - 1], stub
        lines[int(line) - 1] = lines[int(line) - 1].replace(f'"{stub["handler"]}"', '"student_entry"') \
            .replace('style="stub"', 'style="naked"')
        spec = tmp_path / "spec.py"
        spec.write_text("\n".join(lines) + "\n")
        try:
            generate(arch, spec, tmp_path)
        except SpecError:
            continue                 # the kernel needs that handler: try the next stub
        slot = next(s for s in json.loads((tmp_path / "manifest.json").read_text())["vectors"]
                    if s["vector"] == stub["vector"])
        return spec, slot
    raise AssertionError(f"no stub vector of isr/{arch}.py the CPU enters can be rebound to a naked entry")


def link_with_student_entry(arch, spec, slot, tmp_path):
    """The build's kernel with slot's entry replaced by a lone plain return."""
    directives, plain_return = STUDENT[arch]
    entry = slot["entry"]
    thumb = ".thumb_func\n" if "thumb" in directives else ""
    source = tmp_path / "student_entry.S"
    source.write_text(f"{directives}    .section .text.{entry}, \"ax\"\n    .globl {entry}\n"
                      f"    .type {entry}, %function\n    .balign 4\n{thumb}{entry}:\n    {plain_return}\n"
                      f"    .size {entry}, . - {entry}\n")
    student = tmp_path / "obj" / "student_entry.o"
    assert toolchain.compile_one(arch, source, student, tmp_path)
    shipped = [o for o in hand_written_objects(arch) if _defines(o, entry)]
    assert len(shipped) <= 1, f"{entry} is defined in {shipped}"
    generate(arch, spec, tmp_path)
    objects = [o for o in hand_written_objects(arch) if o not in shipped] + [student]
    elf = tmp_path / "kernel.elf"
    assert toolchain.link(arch, objects + compile_generated(arch, tmp_path), elf, tmp_path)
    return elf


@pytest.mark.parametrize("arch", list(STUDENT))
def test_shipped_naked_entries_return_from_the_interrupt(kernel, arch):
    elf = kernel(arch)
    problems = check(elf, gen_dir(arch) / "manifest.json")
    assert not [p for p in problems if "naked entry" in p]


@pytest.mark.parametrize("arch", list(STUDENT))
def test_a_naked_entry_ending_in_a_plain_return_is_refused(kernel, arch, tmp_path):
    kernel(arch)
    spec, slot = student_spec(arch, tmp_path)
    exit_ = arch_model(arch).NAKED_EXIT
    elf = link_with_student_entry(arch, spec, slot, tmp_path)
    problems = check(elf, tmp_path / "manifest.json")
    if not exit_["wrong"]:
        assert problems == [], "this arch accepts every return, so the check must not refuse one"
        return
    problem, = problems
    assert problem.startswith(f"vector {slot['vector']} ({slot['name']}): {slot['where']}: "
                              f"naked entry {slot['entry']} returns with `")
    assert problem.endswith(f"end it with {exit_['must']}")


def test_x86_64_names_the_cs_that_a_ret_jumps_to(kernel, tmp_path):
    """The student saw `[trap] vec=14 ... rip=0x8 cr2=0x8`: the message says 0x8 is the pushed CS."""
    kernel("x86_64")
    spec, slot = student_spec("x86_64", tmp_path)
    problem, = check(link_with_student_entry("x86_64", spec, slot, tmp_path), tmp_path / "manifest.json")
    assert "the CS the CPU pushed (0x8)" in problem and "rip=0x8 cr2=0x8" in problem
    assert problem.endswith("end it with iretq")


@pytest.mark.parametrize("arch, lines, refused", [
    ("x86_64", ["  1000:  \tretq", "  1001:  \tiretq"], ["retq"]),
    ("x86_64", ["  1000:  \tiretl"], ["iretl"]),
    ("riscv64", ["80000000:  \tret"], ["ret"]),
    ("riscv64", ["80000000:  \tmret\t"], []),
    ("aarch64", ["40000000:  \tret"], ["ret"]),
    ("aarch64", ["40000000:  \tb\t0x40001000 <shared>"], []),
    ("arm32", ["40000000:  \tsubs\tpc, lr, #4", "40000004:  \tldm\tsp!, {r0, r1, pc}^"], []),
    ("arm32", ["40000000:  \tpop\t{r4, pc}", "40000004:  \tbx\tlr"], ["pop {r4, pc}", "bx lr"]),
    ("arm32", ["40000000:  \tb\t0x40003260 <sgi_naked_report> @ imm = #10320"], []),
    ("cortex-m", ["1000:  \tbx\tlr", "1002:  \tpop\t{r4, pc}"], []),
    ("avr", ["1464:\tret"], ["ret"]),
    ("avr", ["1464:\treti"], []),
    ("msp430", ["776a:      \tret"], ["ret"]),
    ("msp430", ["776a:      \treti"], []),
])
def test_each_arch_tells_an_interrupt_return_from_a_plain_one(arch, lines, refused):
    """The arch model's patterns against the disassembler's own text, comments and all."""
    exit_ = arch_model(arch).NAKED_EXIT
    problems = naked_checks.entry_problems("", "e", naked_checks.instructions(lines), exit_)
    assert [p.split("`")[1] for p in problems] == refused
