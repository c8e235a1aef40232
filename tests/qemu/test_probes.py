"""Conformance probes (`probe`): every bench handler, of every style and toolchain,
keeps every register and the flags, and the stack pointer; x86_64 handlers call
with the stack aligned; a fault handler of each style resumes by writing its
saved frame. The targets come from each kernel's manifest and its own `probe`
listing. What a toolchain gets wrong today is listed below, with why: a check
that starts to pass, or a new failure, fails the test. Each failure is a
finding keyed by the toolchain's version (tools/findings.py): it is expected
only from a version that has it.

Each toolchain's handlers are probed once: the kernel's own and the arch's GCC
on every arch (the kernels tests/qemu/test_cost.py times), every other LLVM
toolchain of tools/toolchains.py (clang-19, clang-22, zig cc) on the arches of
the LLVM findings below. `doit cost` probes every toolchain on every arch."""
import pytest

from isr.load import arch_model
from reports import cost, variants
from tools import toolchains
from tools.findings import ABORT_CLOBBERS, CLANG, LLVM_26851

from tests.qemu.test_cost import KERNELS, manifest

LLVM = "llvm"       # every LLVM C toolchain: its findings are asked of its clang's version


def kind(name):
    """'llvm' for the clang-N entries and zig cc, else the toolchain's family ('gcc', 'avr-gcc')."""
    family = toolchains.entry(name).family
    return LLVM if family in ("clang", "zig-cc") else family


# (arch, kind of toolchain, vector, fault, check): the finding that makes it fail.
KNOWN_FAILURES = {
    ("x86_64", LLVM, 13, "gp", "call-alignment"): LLVM_26851,
    # clang builds on_data_abort (interrupt("ABORT")) with a conditional return:
    # `popne {r0-r6, r11, r12, lr}`, then the arguments of the panic() it would
    # call otherwise (r0 = the format, r1 = lr - 8, r2 = DFAR) set unconditionally,
    # then `subsne pc, lr, #4`: the resumed code gets those three back. GCC is right.
    **{("arm32", LLVM, 4, "dabt", register): ABORT_CLOBBERS for register in ("r0", "r1", "r2")},
}
LLVM_ARCHES = sorted({key[0] for key in KNOWN_FAILURES if key[1] == LLVM})
PROBED = [(arch, compiler) for arch, compiler in KERNELS if cost.probed(arch)] + \
    [(arch, name) for arch in LLVM_ARCHES for name in variants.compilers(arch)
     if (arch, name) not in KERNELS and kind(name) == LLVM]


def has(finding, arch, compiler):
    """The toolchain compiler (for arch) is of a version that has finding."""
    return finding.has(toolchains.entry(compiler).version(arch) if finding.tool == CLANG else finding.installed())


@pytest.mark.parametrize("arch, compiler", PROBED)
def test_every_probe_passes_but_the_known_compiler_failures(arch, compiler, kernel, run_folder):
    kernel(arch)
    if compiler == variants.own(arch):
        kernels = [(kernel(arch), manifest(arch))]
        have = {(s["style"], s["bench"]) for s in cost.bench_slots(manifest(arch))}
    else:
        built = variants.build(arch, compiler)
        kernels = [(built["elf"], built["manifest"])]
        have = {(s["style"], s["bench"]) for s in cost.bench_slots(built["manifest"])}
    for style, shape in variants.missing(arch, have):
        built = variants.build(arch, compiler, style=style, shape=shape)
        kernels.append((built["elf"], built["manifest"]))
    run_dir = run_folder(arch)
    failed, probed = {}, set()
    for elf, kernel_manifest in kernels:
        checks = cost.probe(arch, elf, kernel_manifest, run_dir)
        probed |= {(c["style"], c["vector"], c["fault"]) for c in checks}
        for c in checks:
            assert c["compiler"] in ("clang" if kind(compiler) == LLVM else "gcc", None), c
            if not c["ok"]:
                failed[(arch, compiler, c["vector"], c["fault"], c["check"])] = \
                    f"{c['style']} {c['handler']}: want {c['want']} got {c['got']}"
    known = {(arch, compiler, *key[2:]): finding.reason() for key, finding in KNOWN_FAILURES.items()
             if key[:2] == (arch, kind(compiler)) and has(finding, arch, compiler)}
    assert set(failed) == set(known), f"failed: {failed}\nknown: {known}"
    styles = {style for style, _, fault in probed if fault is None}
    assert styles == {style for style, _ in variants.wanted(arch)}, "every style's bench handler probed"
    if arch_model(arch).CPU_EXCEPTIONS:     # avr, msp430: none at all
        assert any(fault for _, _, fault in probed), "at least one fault probed"
