"""`doit trace-<arch>` (reports/pictures/trace.py) on the three scenarios the docs draw:
the slices the plugin recorded agree with the kernel's own report lines, the same
commands give the same trace, and headless Chromium draws a box per slice, each
nested one inside the box it ran in."""
import json
import os
import re
import subprocess
import sys

import pytest

from reports.pictures import scenarios, timeline, trace
from tools import toolchain

from tests import build_lock
from tests.chromium import draw, visible
from tests.qemu.report import reports

STORM = re.compile(r"\[storm\] vec=(?P<vec>\d+) name=\S+ count=(?P<count>\d+) ")


def scenario(name, kernel):
    """A scenario of the docs, its arch's kernel built first (the scenario reads its manifest)."""
    kernel(scenarios.ARCHES[name])
    return scenarios.scenario(name)


@pytest.fixture(scope="session")
def trace_plugin():
    """The trace plugin, built by `doit plugin-trace` under the build lock (workers share build/)."""
    build_lock.LOCK_PATH.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(build_lock.LOCK_PATH, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        build_lock.acquire(fd, "pytest building the trace plugin")
        result = subprocess.run([sys.executable, "-m", "doit", "-f", str(toolchain.ROOT / "dodo.py"), "plugin-trace"],
                                cwd=toolchain.ROOT, capture_output=True, text=True)
    finally:
        os.close(fd)
    assert result.returncode == 0, f"doit plugin-trace failed:\n{result.stdout}\n{result.stderr}"
    return trace.PLUGIN


def traced(kernel, s, folder, elf=None):
    """Run scenario s under the trace plugin: its slices, the kernel's output, the Chrome trace."""
    kernel(s.arch)
    text, outputs, found, _ = trace.run(s.arch, s.commands, folder, elf=elf)
    slices = trace.events(text, found, s.commands)
    return slices, "".join(outputs), timeline.chrome_trace(s.arch, slices)


def interrupts(slices, vector=None, depth=None):
    return [i for i in slices if i["kind"] != "command" and (vector is None or vector in [s["vector"] for s in i["slots"]])
            and (depth is None or i["depth"] == depth)]


def inside(inner, outer):
    return outer["start"] <= inner["start"] and inner["end"] <= outer["end"]


def check_drawn(arch, slices, tmp_path):
    """Chromium draws one box per interrupt and call slice, at its depth, inside its parent's span."""
    picture, = draw([timeline.svg(arch, slices)], tmp_path)
    boxes = visible(picture, "slice")
    shown = [b for b in boxes if b["data"]["kind"] != "command"]
    assert len(shown) == len(interrupts(slices)) == int(picture["data"]["slices"])
    rows = {}
    for box in boxes:
        rows.setdefault(int(box["data"]["depth"]), []).append(box)
    assert sorted(rows) == list(range(max(s["depth"] for s in slices) + 1))
    assert all(len({round(b["y"]) for b in row}) == 1 for row in rows.values()), "one row per depth"
    for depth in range(1, max(rows) + 1):
        for box in rows[depth]:
            assert any(p["x"] - 0.5 <= box["x"] and box["x"] + box["width"] <= p["x"] + p["width"] + 1.5
                       for p in rows[depth - 1]), ("drawn inside a box of the row above", box)


def test_nesting_trace_matches_the_kernels_reports_and_repeats(trace_plugin, kernel, tmp_path):
    s = scenario("nesting", kernel)
    slices, output, chrome = traced(kernel, s, tmp_path / "first")
    nested = [r for r in reports(output) if r.get("note") == "nested"]
    slow = [r for r in reports(output) if r.get("depth") == "1"]
    assert len(nested) >= 3 and len(slow) == 1, output
    outer, = interrupts(slices, int(slow[0]["vec"]), depth=1)
    ticks = interrupts(slices, int(nested[0]["vec"]), depth=2)
    assert len(ticks) == len(nested) and all(inside(t, outer) for t in ticks), slices
    events = [e for e in chrome["traceEvents"] if e["ph"] == "X" and e["cat"] != "command"]
    assert {(e["tid"], e["pid"]) for e in events} == {(0, 1)}
    assert [e["args"]["vector"] for e in events] == [[x["vector"] for x in t["slots"]] for t in interrupts(slices)]
    assert all(e["args"]["insns"] > 0 and e["args"]["style"] for e in events)
    again, _, chrome_again = traced(kernel, s, tmp_path / "second")
    assert json.dumps(chrome_again) == json.dumps(chrome), "the same commands give the same trace"
    check_drawn(s.arch, slices, tmp_path)


def test_a_fiq_preempts_the_slow_irq_handler_in_the_trace(trace_plugin, kernel, tmp_path):
    s = scenario("fiq", kernel)
    slices, output, _ = traced(kernel, s, tmp_path)
    nested, outer = [r for r in reports(output)]
    irq = interrupts(slices, int(outer["vec"]))       # the SGI, called by the IRQ entry
    fiq = interrupts(slices, int(nested["vec"]))      # the timer's PPI, called by the FIQ entry
    assert len(irq) == 1 and len(fiq) == 1 and inside(fiq[0], irq[0]), slices
    entries = [i for i in interrupts(slices) if i["kind"] == "interrupt"]
    assert [e["slots"][0]["name"] for e in entries] == ["IRQ", "FIQ"], entries
    assert entries[0]["depth"] < irq[0]["depth"] < entries[1]["depth"] < fiq[0]["depth"]
    check_drawn(s.arch, slices, tmp_path)


def test_a_storm_shows_every_entry_up_to_the_guards_limit(trace_plugin, kernel, tmp_path):
    s = scenario("storm", kernel)
    kernel(s.arch)
    elf = scenarios.storm_kernel(tmp_path / "variant")
    slices, output, _ = traced(kernel, s, tmp_path / "run", elf=elf)
    storm = STORM.search(output)
    assert storm, output
    taken = interrupts(slices, int(storm["vec"]))
    assert len(taken) == int(storm["count"]) and all(t["depth"] == 1 and t["returned"] for t in taken)
    assert len(interrupts(slices)) == len(taken), "nothing else interrupted the command"
    check_drawn(s.arch, slices, tmp_path)


def test_trace_names_a_bad_command_and_an_arch_without_a_plugin(trace_plugin, kernel, tmp_path, capsys):
    kernel("x86_64")
    assert trace.main(["x86_64", "--out", str(tmp_path), "no-such-command"]) == 1
    err = capsys.readouterr().err
    assert "`no-such-command` was refused by the x86_64 shell" in err and "unknown command" in err
    no_plugin = [a for a in toolchain.TARGETS if trace.profile(a).launcher != "qemu"]
    for arch in no_plugin:
        assert trace.main([arch, "--out", str(tmp_path), "ticks"]) == 1
        assert "takes no QEMU plugin: no trace to record" in capsys.readouterr().err
