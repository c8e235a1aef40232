"""Each lab graded end to end, two submissions at once (grade_many, in parallel, each
in its own sandbox): a solution earns every point; the starter alone earns the build's
points, and the grader's lines say why. Facts come from the lab's file and the manifest."""
import json

import pytest

from grading import grade, starter
from grading.labs import load
from tools import toolchain

TIMER_SOLUTION = """#include "clint.h"
#include "isr.h"
#include "stats.h"
#include "ticks.h"

ISR_ABI void on_student_timer(void)
{
    ticks_advance();
    clint_timer_rearm();            /* mtimecmp past mtime: MTIP drops */
    stats_count(ISR_VECTOR_on_student_timer);
}
"""

COST_SOLUTION = """#include "bench.h"
#include "isr.h"

ISR_ABI void on_student_count(struct interrupt_frame *frame)
{
    (void)frame;
    bench_counter++;
}
"""


def submissions(tmp_path, lab, solution_file, solution, spec_edit):
    """submissions/solution (the starter's spec with spec_edit, and the solution's C) and
    submissions/starter (nothing handed in: the starter state as it is)."""
    spec_name = f"isr/{load(lab).arch}.py"
    spec = (toolchain.ROOT / spec_name).read_text()
    for edit in load(lab).starter:
        if edit.find is not None and edit.file == spec_name:
            spec = spec.replace(edit.find, edit.text)
    folder = tmp_path / "submissions"
    (folder / "solution" / "isr").mkdir(parents=True)
    (folder / "solution" / spec_name).write_text(spec_edit(spec))
    (folder / "solution" / solution_file).parent.mkdir(parents=True, exist_ok=True)
    (folder / "solution" / solution_file).write_text(solution)
    (folder / "starter").mkdir()
    return folder


def results(out, who):
    return json.loads((out / who / "results.json").read_text())


def test_timer_lab(tmp_path):
    folder = tmp_path / "submissions"
    # The solution as a student's own tree holds it: lab-start --into, then their handler.
    starter.start("timer-riscv64", into=folder / "solution")
    (folder / "solution" / "kernel" / "riscv64" / "student_timer.c").write_text(TIMER_SOLUTION)
    (folder / "starter").mkdir()
    out = tmp_path / "out"
    scores = grade.grade_many("timer-riscv64", folder, out, jobs=2)
    lab = load("timer-riscv64")
    assert scores == {"solution": lab.points, "starter": lab.parts[0].points}, \
        (out / "starter" / "grade.txt").read_text()
    # Each submission's own report, though both were graded at once.
    assert "the submission's files: none found" in (out / "starter" / "grade.txt").read_text()
    assert "kernel/riscv64/student_timer.c" in (out / "solution" / "grade.txt").read_text()
    # The emptied handler does not freeze the guest silently: the storm guard's line names it.
    clock = results(out, "starter")["tests"][1]
    assert "BAD     [storm] vec=23 name=MTI count=256 masked=mie.MTIE" in clock["output"]
    assert "MISSING '^slept ms=100 ticks=10$'" in clock["output"]


def test_cost_lab(tmp_path):
    folder = submissions(tmp_path, "cost-x86_64", "kernel/x86_64/student_count.c", COST_SOLUTION,
                         lambda s: s.replace('"on_student_count", style="stub"', '"on_student_count", style="abi"'))
    out = tmp_path / "out"
    scores = grade.grade_many("cost-x86_64", folder, out, jobs=2)
    lab = load("cost-x86_64")
    cost_points = next(p.points for p in lab.parts if p.kind == "cost")
    assert scores == {"solution": lab.points, "starter": lab.points - cost_points}, \
        (out / "starter" / "grade.txt").read_text() + (out / "solution" / "grade.txt").read_text()
    mine = results(out, "solution")["tests"][-1]["output"]
    assert "GOOD    style=abi" in mine and "(at most +2)" in mine
    assert "BAD     style=stub" in results(out, "starter")["tests"][-1]["output"]
