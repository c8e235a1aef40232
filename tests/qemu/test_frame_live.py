"""`explain --run`'s frame holds live values: GDB reads the stack when the vector is
taken (reports/pictures/live.py), and every word the kernel's own report line also
names (the saved PC, the error code, the vector) holds the value the report prints."""
import re

import pytest

from reports.explain import main as explain_main
from reports.pictures import frame

from tests.qemu.report import reports

ROW = re.compile(r"^\s+\+(?P<offset>\d+)\s+(?P<size>\d+)\s+(?P<name>\S+)\s+(?P<by>the [A-Za-z ]+?|\(space, no register\))"
                 r"(?:\s+(?P<value>0x[0-9a-f]+))?$", re.M)

# (arch, vector): an abi frame under the CPU's own pushes, a stub's trap frame on a CPU that pushes
# nothing, and the Cortex-M's eight hardware words: the first vector of that style each spec binds.
CASES = [("x86_64", "abi"), ("riscv64", "stub"), ("cortex-m", "abi")]


@pytest.mark.parametrize("arch, style", CASES)
def test_run_fills_the_frame_with_what_the_interrupt_left(kernel, arch, style, capsys):
    kernel(arch)
    from reports.pictures.docs import frame_choices
    vector = dict(frame_choices(arch))[style]
    assert explain_main([arch, str(vector), "--run"]) == 0
    out = capsys.readouterr().out
    assert "note: live values: the stack as GDB read it" in out, out
    rows = [m.groupdict() for m in ROW.finditer(out)]
    expected = frame.layout(arch, vector).rows
    assert [r["name"] for r in rows] == [r.name for r in expected], out
    assert all(r["value"] for r in rows if r["by"] != "(space, no register)"), out
    report, = reports("\n".join(line.split("kernel:", 1)[1].strip() for line in out.splitlines() if "kernel:" in line))
    report["error_code"], report["vector"] = report["err"], hex(int(report["vec"]))
    named = [r for r in rows if r["name"] in report and report[r["name"]] != "-"]
    assert named, f"no frame word is named by the report line: {report}"
    for r in named:
        assert int(r["value"], 16) == int(report[r["name"]], 16), (r, report)
