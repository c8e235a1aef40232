"""arm32 in the cost report (issue 10): the same bench handler through the IRQ
and the FIQ entry runs the same instructions, but the FIQ entry saves and
stores fewer words, FIQ mode banking r8-r12. The pairs come from the
manifest (one handler bound on an SGI of each group), never from the spec."""
import pytest

from reports import cost, variants
from tests.qemu.test_cost import manifest, plugin  # noqa: F401 (plugin is a fixture)

ARCH = "arm32"


def pairs(rows, kernel_manifest):
    """{(handler, shape): {False: IRQ row, True: FIQ row}} for handlers bound on both groups."""
    fiq = {s["vector"]: bool(s["options"].get("fiq")) for s in cost.bench_slots(kernel_manifest)}
    found = {}
    for row in rows:
        found.setdefault((row["handler"], row["shape"]), {})[fiq[row["vector"]]] = row
    return {key: both for key, both in found.items() if len(both) == 2}


@pytest.mark.parametrize("compiler", [variants.own(ARCH)] + variants.second_compilers(ARCH))
def test_the_fiq_entry_saves_fewer_words_than_the_irq_entry_for_the_same_handler(compiler, kernel, plugin,  # noqa: F811
                                                                                 run_folder):
    if compiler == variants.own(ARCH):
        elf, kernel_manifest = kernel(ARCH), manifest(ARCH)
    else:
        built = variants.build(ARCH, compiler)
        elf, kernel_manifest = built["elf"], built["manifest"]
    rows, _ = cost.kernel_rows(ARCH, compiler, elf, kernel_manifest, run_folder(ARCH))
    found = pairs(rows, kernel_manifest)
    assert found, "the manifest binds a bench handler on an SGI of each group"
    for (handler, shape), both in found.items():
        irq, fiq = both[False], both[True]
        assert irq["entry"].endswith("abi IRQ") and fiq["entry"].endswith("abi FIQ"), (irq, fiq)
        assert fiq["saved"] < irq["saved"], f"{handler} {shape}: saved {fiq['saved']} vs {irq['saved']}"
        assert fiq["stores"] < irq["stores"], f"{handler} {shape}: stores {fiq['stores']} vs {irq['stores']}"
        assert fiq["insns"] == irq["insns"], f"{handler} {shape}: the same body, {fiq['insns']} vs {irq['insns']}"

