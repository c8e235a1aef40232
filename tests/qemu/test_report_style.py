"""A report line prints its vector's style from the generated tables
(gen/isr_info.c's isr_vector_style, read by kernel/report.c), never from a
literal in the handler's C: a spec edit of a style reaches the line with no
kernel edit.

On the GIC arches a `stub` and a `naked` INTID handler have one prototype
(the dispatcher calls either under the AAPCS, isr/arch_<arch>/emit_header.py),
so a variant spec can swap the styles of the SGI handlers and link the same
kernel C: `int N` on each must then print the variant's style, which the
handler's own C was written for the other one."""
import json

import pytest

from isr.load import arch_model
from qemu.console import Console
from tests.facts import bound
from tests.qemu.report import one_report
from tests.qemu.variants import VariantBuilder

SWAPPED = {"stub": "naked", "naked": "stub"}
SGI_INTIDS = 16             # INTIDs 0-15 are the SGIs, which `int N` raises (GIC v2, IHI 0048B 2.2.1)


def quick_sgis(arch):
    """Bound SGIs whose handler reports at once (not the slow ones, nor the
    bench handlers of reports/cost.py, which only count), stub or naked."""
    base = arch_model(arch).IRQ_BASE
    return [s for s in bound(arch) if base <= s["vector"] < base + SGI_INTIDS and s["style"] in SWAPPED
            and not s["handler"].endswith("_slow") and not s["bench"]]


@pytest.mark.parametrize("arch", ["aarch64", "arm32"])
def test_a_spec_edit_of_a_style_reaches_the_report_line(arch, kernel, tmp_path):
    kernel(arch)                                   # the manifest the variant comes from, the objects it reuses
    sgis = quick_sgis(arch)
    assert {s["style"] for s in sgis} == set(SWAPPED), f"{arch}: the spec binds no stub and naked SGI to swap: {sgis}"
    swapped = [{**s, "style": SWAPPED[s["style"]]} if s in sgis else s for s in bound(arch)]
    builder = VariantBuilder(arch, tmp_path)
    elf = builder.build("swapped", builder.spec_file("swapped", swapped))
    built = {s["vector"]: s for s in json.loads((tmp_path / "swapped" / "gen" / "manifest.json").read_text())["vectors"]}
    with Console(arch, elf, tmp_path / "runs", "swapped") as console:
        console.boot()
        for sgi in sgis:
            vector = sgi["vector"]
            assert built[vector]["style"] == SWAPPED[sgi["style"]], built[vector]
            report = one_report(console.run(f"int {vector}"))
            assert (report["vec"], report["style"]) == (str(vector), built[vector]["style"]), \
                f"{sgi['handler']} bound {built[vector]['style']} in the variant, was {sgi['style']}"
