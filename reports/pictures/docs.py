"""Regenerate the pictures docs/pictures.md embeds (`doit docs-pictures`), from the
build and from real runs, so they cannot drift from the code.

Usage: .venv/bin/python -m reports.pictures.docs [OUT_DIR]     (default docs/pictures/)

- frame-<arch>-<style>.svg: for every arch, the first vector of each style its
  spec binds that the CPU enters itself (reports/pictures/frame.py);
- trace-<scenario>.svg and .json: the nesting, FIQ and storm runs
  (reports/pictures/scenarios.py, trace.py, timeline.py);
- cost.svg: the cost report's bars (cost_bars.py) from the data the book's cost tables
  read (reports/book_tables.py cost_data: build/cost.json after `doit cost`, else
  the committed reports/cost.json).
"""
import json
import sys
import tempfile
from pathlib import Path

from reports import book_tables, handler_cost
from reports.pictures import cost_bars, frame, scenarios, timeline, trace
from tools import toolchain

OUT = toolchain.ROOT / "docs" / "pictures"
# The pictures whose names do not depend on the specs (the frames' do: one per style bound).
FIXED = [f"trace-{name}.{kind}" for name in scenarios.NAMES for kind in ("svg", "json")] + ["cost.svg"]


def frame_choices(arch):
    """[(style, vector)]: the first vector of each style the CPU enters itself."""
    manifest = json.loads((toolchain.build_dir(arch) / "gen" / "manifest.json").read_text())
    chosen = {}
    for slot in manifest["vectors"]:
        if slot["style"] != "default" and handler_cost.dispatched_through(manifest, slot) is None:
            chosen.setdefault(slot["style"], slot["vector"])
    return sorted(chosen.items())


def frames(out):
    written = []
    for arch in toolchain.TARGETS:
        for style, vector in frame_choices(arch):
            path = out / f"frame-{arch}-{style}.svg"
            path.write_text(frame.svg(frame.layout(arch, vector)))
            written.append(path)
    return written


def traces(out):
    written = []
    for scenario in map(scenarios.scenario, scenarios.NAMES):
        elf = scenario.elf() if callable(scenario.elf) else scenario.elf
        with tempfile.TemporaryDirectory(prefix=f"trace-{scenario.name}-", dir=toolchain.build_dir(scenario.arch)) \
                as run_dir:
            text, _, found, _ = trace.run(scenario.arch, scenario.commands, run_dir, elf=elf)
        slices = trace.events(text, found, scenario.commands)
        (out / f"trace-{scenario.name}.json").write_text(
            json.dumps(timeline.chrome_trace(scenario.arch, slices), indent=1) + "\n")
        (out / f"trace-{scenario.name}.svg").write_text(timeline.svg(scenario.arch, slices))
        written.append(out / f"trace-{scenario.name}.svg")
    return written


def costs(out):
    """The bars of the cost data the book's tables read (this machine's `doit cost`, else
    the committed run), so the picture and the tables beside it say the same."""
    try:
        data, path = book_tables.cost_data()
    except book_tables.TableError as error:
        raise scenarios.ScenarioError(str(error)) from None
    (out / "cost.svg").write_text(cost_bars.svg(data["rows"], data["summary"]))
    print(f"cost.svg drawn from {path.relative_to(toolchain.ROOT)}")
    return [out / "cost.svg"]


def main(argv):
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    try:
        written = frames(out) + traces(out) + costs(out)
    except (scenarios.ScenarioError, trace.TraceError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} pictures in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
