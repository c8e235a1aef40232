"""`doit cost --svg FILE` (reports/pictures/cost_bars.py), drawn in headless Chromium:
a bar per row of the report, its length the row's instruction count, the empty
window's part and the net part side by side, and the hand-written minimum's line
where the naked counter row's bar ends."""
from reports import cost, variants
from reports.pictures import cost_bars

from tests.chromium import draw, visible
from tests.qemu.test_cost import plugin  # noqa: F401  (the fixture that builds the window plugin)

ARCH = "x86_64"      # one arch with all three styles keeps the boots few


def test_cost_bars_are_as_long_as_the_counts(plugin, kernel, run_folder, tmp_path):  # noqa: F811
    """What `cost --svg` draws (main's last step), from rows measured in this test's own run folder."""
    kernel(ARCH)
    rows, _ = cost.arch_report(ARCH, [variants.own(ARCH)], probes=False, runs=run_folder(ARCH))
    summary = cost.summarize(rows)
    picture, = draw([cost_bars.svg(rows, summary)], tmp_path)
    assert int(picture["data"]["bars"]) == len(rows) and int(picture["data"]["groups"]) == len(summary)
    lengths = {}
    for row in rows:
        key = f"{row['arch']} {row['compiler']} {row['style']} {row['shape']}"
        empty, = [e for e in picture["elements"] if e["data"].get("bar") == key and e["data"]["part"] == "empty"]
        net, = [e for e in picture["elements"] if e["data"].get("bar") == key and e["data"]["part"] == "net"]
        assert (int(empty["data"]["insns"]), int(net["data"]["insns"])) == (row["empty"], row["net"])
        assert abs(empty["x"] + empty["width"] - net["x"]) < 0.5, "the net part starts where the empty one ends"
        assert abs(empty["y"] - net["y"]) < 0.5
        lengths[key] = (empty["x"], empty["width"] + net["width"], row["insns"])
    start = {x for x, _, _ in lengths.values()}
    assert len(start) == 1, "every bar starts at the same x"
    per_insn = {round(width / insns, 3) for _, width, insns in lengths.values()}
    assert max(per_insn) - min(per_insn) < 0.01, f"one scale for every bar: {per_insn}"
    line, = visible(picture, "minimum")
    group, = summary
    assert int(line["data"]["minimum"]) == group["minimum"]
    naked = next(k for k in lengths if k.endswith(" naked counter"))
    x, width, _ = lengths[naked]
    assert abs(line["x"] - (x + width)) < 1.5, "the minimum is marked where the naked counter bar ends"
