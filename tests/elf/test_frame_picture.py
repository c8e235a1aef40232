"""The frame picture (reports/pictures/frame.py), drawn in headless Chromium: for every
arch, the first vector of each style its spec binds that the CPU enters, a box per
frame word, top to bottom in address order, the CPU's pushes first, and the saves
that reports/handler_cost.py counts independently."""
import re

from reports import handler_cost
from reports.explain import main as explain_main
from reports.pictures import arch_facts, frame
from reports.pictures.docs import frame_choices
from tools import toolchain

from tests.chromium import draw, visible

ARCHES = list(toolchain.TARGETS)


def test_every_frame_is_drawn_word_by_word_in_address_order(kernel, tmp_path):
    frames = []
    for arch in ARCHES:
        kernel(arch)
        frames += [frame.layout(arch, vector) for _, vector in frame_choices(arch)]
    assert {f.style for f in frames} == {"abi", "stub", "naked"}, "every style drawn somewhere"
    drawn = draw([frame.svg(f) for f in frames], tmp_path)
    for f, picture in zip(frames, drawn):
        where = f"{f.arch} vector {f.vector} ({f.style})"
        boxes = sorted(visible(picture, "row"), key=lambda e: e["y"])
        assert [b["data"]["row"] for b in boxes] == [r.name for r in f.rows], where
        assert int(picture["data"]["rows"]) == len(f.rows) == len(boxes), where
        if not boxes:                   # a reset entry: the note says why the picture is empty
            assert any("nothing on the stack" in t for t in picture["texts"]), (where, picture["texts"])
            continue
        offsets = [int(b["data"]["offset"]) for b in boxes]
        sizes = [int(b["data"]["size"]) for b in boxes]
        # Contiguous from the top down to offset 0: no word drawn twice, no gap left unnamed.
        assert offsets[-1] == 0 and all(offsets[i] == offsets[i + 1] + sizes[i + 1] for i in range(len(boxes) - 1)), where
        assert len({round(b["height"]) for b in boxes}) == 1 and all(b["width"] > 0 for b in boxes), where
        # The CPU's pushes, as the arch model states them, in push order from the top.
        pushed = [name for name, _ in arch_facts.pushes(f.arch, f.vector)]
        cpu = [b["data"]["row"] for b in boxes if b["data"]["part"] == "cpu"]
        assert cpu == pushed, where


def test_an_abi_frame_holds_the_words_handler_cost_counts(kernel):
    """The compiler's rows of an abi frame are the register saves reports/handler_cost.py
    counts in the same entry (its own patterns, its own count)."""
    checked = 0
    for arch in ARCHES:
        kernel(arch)
        counted = {slot["vector"]: saved for slot, path, saved, _ in handler_cost.costs(arch) if len(path) == 1}
        for style, vector in frame_choices(arch):
            if style == "abi" and vector in counted:
                rows = [r for r in frame.layout(arch, vector).rows if r.part == "compiler"]
                assert len(rows) == counted[vector], (arch, vector, rows)
                checked += 1
    assert checked >= 4, "abi frames on the arches that have the abi style"


def test_explain_prints_the_frame_and_writes_its_svg(kernel, tmp_path, capsys):
    kernel("x86_64")
    svg = tmp_path / "pf.svg"
    assert explain_main(["x86_64", "#PF", "--svg", str(svg)]) == 0
    out = capsys.readouterr().out
    f = frame.layout("x86_64", 14)
    table = re.findall(r"^\s+\+(\d+)\s+(\d+)\s+(\S+)", out, re.M)
    assert [(int(o), int(s), n) for o, s, n in table] == [(r.offset, r.size, r.name) for r in f.rows], out
    assert f"frame:     drawn in {svg}" in out and svg.read_text() == frame.svg(f)
    assert explain_main(["x86_64", "#PF", "--svg"]) == 2
    assert "--svg needs a file name" in capsys.readouterr().err
