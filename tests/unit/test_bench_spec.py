"""bench= marks a bench vector on every arch; the manifest carries it for reports/cost.py."""
import json

import pytest

from isr.generate import render
from isr.validate import SpecError
from tests.unit.spec_files import required_lines, write_spec


def manifest_of(arch, path):
    return json.loads(render(arch, path)["manifest.json"])


@pytest.mark.parametrize("arch, line", [
    ("x86_64", 'interrupt(0x50, "bench_abi", style="abi", bench="counter")'),
    ("riscv64", 'irq(9, "bench_abi", style="abi", bench="counter")'),
    ("cortex-m", 'irq(24, "bench_stub", style="stub", priority=0x20, bench="call")'),
    ("aarch64", 'interrupt(3, "bench_stub", style="stub", priority=0x40, bench="counter")'),
])
def test_bench_is_accepted_on_every_arch_and_reaches_the_manifest(tmp_path, arch, line):
    path, _ = write_spec(tmp_path, line, *required_lines(arch))
    marked = [s for s in manifest_of(arch, path)["vectors"] if s["bench"]]
    assert len(marked) == 1 and marked[0]["bench"] == line.split('bench="')[1].rstrip('")')
    assert "bench" not in marked[0]["options"]


def test_unbound_and_ordinary_vectors_are_not_bench(tmp_path):
    path, _ = write_spec(tmp_path, 'interrupt(0x41, "on_soft_abi", style="abi")', *required_lines("x86_64", "on_soft_abi"))
    assert not any(s["bench"] for s in manifest_of("x86_64", path)["vectors"])


def test_an_unknown_bench_shape_is_rejected_with_the_known_ones(tmp_path):
    path, (line,) = write_spec(tmp_path, 'interrupt(0x50, "bench_abi", style="abi", bench="fast")')
    with pytest.raises(SpecError) as caught:
        render("x86_64", path)
    problem, = caught.value.problems
    assert problem.startswith(f"{path}:{line}: vector 80 (SW): bench='fast' unknown; use one of: counter, call")
