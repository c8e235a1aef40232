"""riscv64's machine software interrupt (MSI, cause 3) as a student's bench vector:
mip.MSIP is read-only, so `bench` and `probe` make it pending through the CLINT's
msip (kernel/riscv64/clint.c software_pend), as `int` does, and let it in with the
same window as the mip causes. A tree of the test's own binds MSI to a handler of
the student's that counts and acknowledges at the CLINT; its kernel's probe keeps
every register and its bench takes the vector once. The shipped kernel still
refuses what software cannot raise, and says which vectors it can."""
import json
import re
import subprocess
import sys

import pytest

from qemu.console import Console
from tools import toolchain

from tests import facts

HANDLER = "student_msi"
SOURCE = f"""/* A bench handler on the machine software interrupt: count, then lower
   MSIP at the CLINT (the bench handlers' csrc mip cannot). */
#include "bench.h"
#include "clint.h"
#include "isr.h"

ISR_ABI void {HANDLER}(void)
{{
    bench_counter++;
    clint_soft_clear();
}}
"""


@pytest.fixture(scope="module")
def msi_tree(tmp_path_factory):
    tree = tmp_path_factory.mktemp("msi")
    toolchain.copy_sources(tree)
    (tree / "kernel" / "riscv64" / f"{HANDLER}.c").write_text(SOURCE)
    spec = tree / "isr" / "riscv64.py"
    naked = re.compile(r'    irq\(3, "\w+", style="naked"\),\n')
    text = spec.read_text()
    assert len(naked.findall(text)) == 1, f"isr/riscv64.py no longer binds MSI (cause 3) once:\n{text}"
    spec.write_text(naked.sub(f'    irq(3, "{HANDLER}", style="abi", bench="counter"),\n', text))
    result = subprocess.run([sys.executable, "-m", "doit", "build-riscv64"], cwd=tree, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return tree


def msi_vector(manifest_path):
    slots = json.loads(manifest_path.read_text())["vectors"]
    found = [s for s in slots if s["handler"] == HANDLER]
    assert len(found) == 1 and found[0]["bench"], f"{manifest_path}: {HANDLER} is not one bench vector"
    return found[0]["vector"]


def test_msi_is_probed_and_benched_through_the_clint(msi_tree, tmp_path):
    vector = msi_vector(msi_tree / "build" / "riscv64" / "gen" / "manifest.json")
    with Console("riscv64", msi_tree / "build" / "riscv64" / "kernel.elf", tmp_path, "msi") as console:
        console.boot()
        probed = console.run(f"probe {vector}")
        benched = console.run(f"bench {vector}")
    summary = [line for line in probed.splitlines() if line.startswith(f"probe vec={vector}:")]
    assert summary and re.fullmatch(rf"probe vec={vector}: checks=\d+ failed=0", summary[0].rstrip()), probed
    assert f"bench {vector}: taken=1" in benched, benched


def test_a_cause_software_cannot_raise_is_refused_with_the_ones_it_can(rv):
    """The timer's cause (MTI) is bound but is no bench vector: refused before any raise."""
    timer = next(s["vector"] for s in facts.slots("riscv64") if s["handler"] == "on_machine_timer")
    output = rv.run(f"int {timer}")
    assert "cannot be made pending by software" in output and "(MSI)" in output, output
