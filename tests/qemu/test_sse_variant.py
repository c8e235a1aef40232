"""The seed's SSE point (issue 24): an x86_64 kernel whose abi handlers use xmm
registers (the SSE variant, isr/arch_x86_64/toolchains.py SSE, built by
reports/variants.py). Every LLVM toolchain saves the xmm registers its
handler clobbers: the probe's xmm sentinels all come back. In the error-code
shape the handler's own saves are aligned, but the call it makes is not
(LLVM #26851), and an SSE function it calls faults on its aligned save: a
finding per version (tools/findings.py). GCC refuses SSE code in an interrupt
function outright. `doit cost` has the SSE rows of every toolchain."""
import pytest

from reports import cost, handler_cost, variants
from tools import toolchains
from tools.findings import GCC_NO_SSE_ISR, LLVM_26851_SSE

ARCH = "x86_64"
FACTS = variants.sse_facts(ARCH)
LLVM = [(e, e.version(ARCH)) for e, missing in toolchains.for_arch(ARCH)
        if missing is None and e.family in ("clang", "zig-cc")]


def sse_bench_slot(manifest):
    slot, = [s for s in manifest["vectors"] if s["handler"] == FACTS["bench"]]
    return slot


@pytest.mark.parametrize("entry", [e for e, _ in LLVM], ids=lambda e: e.name)
def test_an_abi_handler_keeps_every_xmm_register_it_uses(entry, kernel, run_folder):
    kernel(ARCH)
    built = variants.build(ARCH, entry.name, sse=True)
    slot = sse_bench_slot(built["manifest"])
    checks = cost.probe_vector(ARCH, built["elf"], built["manifest"], slot["vector"], run_folder(ARCH))
    xmm = [c for c in checks if c["check"].startswith("xmm")]
    assert len(xmm) == 16, f"the probe checks xmm0-15: {[c['check'] for c in checks]}"
    assert all(c["ok"] for c in checks), [c for c in checks if not c["ok"]]
    saved = {s["handler"]: words for s, _, words, _ in handler_cost.costs(ARCH, elf=built["elf"],
                                                                          manifest=built["manifest"])}
    assert saved[FACTS["bench"]] > 1, f"{FACTS['bench']} saves no xmm register: it uses some"


@pytest.mark.parametrize("entry", [pytest.param(e, id=e.name, marks=LLVM_26851_SSE.xfail_for(e.name, version))
                                   for e, version in LLVM])
def test_the_error_code_shape_calls_an_sse_function_with_the_stack_aligned(entry, kernel, run_folder):
    kernel(ARCH)
    built = variants.build(ARCH, entry.name, sse=True)
    gp, = [s for s in built["manifest"]["vectors"] if s["handler"] in FACTS["rebind"].values()]
    output, = cost.session(ARCH, built["elf"], ["probe gp"], run_folder(ARCH), timeout=cost.FAULT_TIMEOUT)
    failed = [m.groupdict() for m in cost.PROBE_LINE.finditer(output) if m["result"] == "FAIL"]
    assert f"probe vec={gp['vector']} fault=gp" in output, output
    assert not failed, f"{entry.name}: {failed}\n{output}"


@GCC_NO_SSE_ISR.xfail(raises=variants.VariantError)
def test_gcc_builds_an_abi_handler_that_uses_sse(kernel):
    kernel(ARCH)
    variants.build(ARCH, "gcc", sse=True)


def test_gccs_refusal_is_its_sorry_message(kernel):
    """What the finding above records, word for word, while GCC has it."""
    kernel(ARCH)
    if not GCC_NO_SSE_ISR.present():
        variants.build(ARCH, "gcc", sse=True)
        return
    with pytest.raises(variants.VariantError, match=r"SSE instructions aren.t allowed in an interrupt service routine"):
        variants.build(ARCH, "gcc", sse=True)
