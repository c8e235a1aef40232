"""Conformance probes (`probe`): every bench handler, of every style and compiler,
keeps every register and the flags, and the stack pointer; x86_64 handlers call
with the stack aligned; a fault handler of each style resumes by writing its
saved frame. The targets come from each kernel's manifest and its own `probe`
listing. What a compiler gets wrong today is listed below, with why: a check
that starts to pass, or a new failure, fails the test. Each failure is a
finding keyed by the compiler's version (tests/findings.py): it is expected
only from a version that has it."""
import pytest

from isr.load import arch_model
from reports import cost, variants
from tests.findings import Finding
from tests.qemu.test_cost import KERNELS, manifest

# (arch, compiler, vector, fault, check): the finding that makes it fail.
KNOWN_FAILURES = {
    ("x86_64", "clang", 13, "gp", "call-alignment"): Finding(
        "clang", ("14.0.6", "19.1.7"),
        "calls from an `interrupt` function of the error-code shape with RSP 8 bytes off a multiple "
        "of 16: it pushes one dummy word too many (the alignment bug of LLVM #26851, rust-lang/rust #40180)"),
}
# clang builds on_data_abort (interrupt("ABORT")) with a conditional return:
# `popne {r0-r6, r11, r12, lr}`, then the arguments of the panic() it would
# call otherwise (r0 = the format, r1 = lr - 8, r2 = DFAR) set unconditionally,
# then `subsne pc, lr, #4`: the resumed code gets those three back. GCC is right.
ABORT_CLOBBERS = Finding("clang", ("14.0.6", "19.1.7"), "sets panic()'s arguments between the conditional pop "
                                                      "and return of an interrupt(\"ABORT\") function")
KNOWN_FAILURES.update({("arm32", "clang", 4, "dabt", register): ABORT_CLOBBERS for register in ("r0", "r1", "r2")})


@pytest.mark.parametrize("arch, compiler", [(arch, compiler) for arch, compiler in KERNELS if cost.probed(arch)])
def test_every_probe_passes_but_the_known_compiler_failures(arch, compiler, kernel, run_folder):
    kernel(arch)
    if compiler == "clang":
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
            assert c["compiler"] in (cost.own_compiler(arch) if compiler == "clang" else compiler, None)
            if not c["ok"]:
                failed[(arch, compiler, c["vector"], c["fault"], c["check"])] = \
                    f"{c['style']} {c['handler']}: want {c['want']} got {c['got']}"
    known = {key: finding.reason() for key, finding in KNOWN_FAILURES.items()
             if key[:2] == (arch, compiler) and finding.present()}
    assert set(failed) == set(known), f"failed: {failed}\nknown: {known}"
    styles = {style for style, _, fault in probed if fault is None}
    assert styles == {style for style, _ in variants.wanted(arch)}, "every style's bench handler probed"
    if arch_model(arch).CPU_EXCEPTIONS:     # avr, msp430: none at all
        assert any(fault for _, _, fault in probed), "at least one fault probed"
