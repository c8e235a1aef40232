"""No spec that validates gives a dead kernel (issue 14): for every arch, the
spec the manifest records minus any one binding, or minus all of them, is
either refused with a reason or builds a kernel that boots to a prompt and
answers `ticks`."""
import json
import re

import pytest

from isr import arches
from isr.generate import generate
from isr.load import arch_model
from isr.validate import SpecError
from qemu.console import Console
from tests.facts import bound, manifest
from tests.qemu.variants import VariantBuilder, write_spec
from tools.check_elf import check

ARCHES = arches.names()


@pytest.mark.parametrize("arch", ARCHES)
def test_the_manifest_written_back_as_a_spec_gives_the_same_manifest(arch, kernel, tmp_path):
    """The variants below are this spec minus bindings: were it refused, every
    variant would be "refused with a reason" and the property would hold of nothing."""
    kernel(arch)
    spec = tmp_path / "spec.py"
    write_spec(spec, arch, bound(arch))
    generate(arch, spec, tmp_path / "gen")
    built = manifest(arch)["vectors"]
    again = json.loads((tmp_path / "gen" / "manifest.json").read_text())["vectors"]
    assert [{**s, "where": None} for s in again] == [{**s, "where": None} for s in built]


# The variants of an arch are spread over CHUNKS tests (variant i in chunk
# i % CHUNKS), so that each stays inside the QEMU tests' time limit and xdist
# can share them out; the chunks are fixed before anything is built.
CHUNKS = 3


@pytest.mark.parametrize("chunk", range(CHUNKS))
@pytest.mark.parametrize("arch", ARCHES)
def test_a_spec_missing_bindings_is_refused_or_boots_and_answers_ticks(arch, chunk, kernel, tmp_path):
    kernel(arch)                                   # builds the manifest the variants come from
    slots = bound(arch)
    model = arch_model(arch)
    builder = VariantBuilder(arch, tmp_path)
    variants = [(f"without-{s['vector']}", [t for t in slots if t is not s]) for s in slots]
    variants.append(("without-all", []))
    for name, kept in variants[chunk::CHUNKS]:
        spec = builder.spec_file(name, kept)
        present = {s["vector"] for s in kept} | {s["handler"] for s in kept}
        missing = [key for key in model.REQUIRED if key not in present]   # vectors, or handlers by name
        try:
            elf = builder.build(name, spec)
        except SpecError as error:
            # Refused with a reason: each problem names the spec, a line and what to do.
            for problem in error.problems:
                assert re.match(rf"{re.escape(str(spec))}:[1-9]\d*: (vector \d+ \(\S+\)|handler \w+)[ :].+; .+",
                                problem), problem
                # With nothing required missing, a refusal is only for what the missing
                # binding leaves broken (arm32: FIQ-group SGIs without the FIQ entry), and names it.
                if not missing:
                    assert any(re.search(rf"\b{re.escape(s['name'])}\b", problem) for s in slots if s not in kept), \
                        f"{name} lacks nothing required, yet: {problem}"
            continue
        assert not missing, f"{name} lacks required {missing} and was not refused"
        assert check(elf, tmp_path / name / "gen" / "manifest.json") == []
        with Console(arch, elf, tmp_path / "runs", name) as console:
            console.boot()
            assert re.search(r"^ticks=\d+ hz=\d+$", console.run("ticks"), re.M), name
