"""A submission whose run the sandbox stops gets every part's points at 0, each part
saying which limit stopped it, and still a valid results.json."""
import json
from dataclasses import replace

from grading import grade, sandbox
from grading.labs import load
from tools import toolchain


def test_a_spec_that_never_ends_is_stopped_and_said(tmp_path):
    submission = tmp_path / "submission"
    (submission / "isr").mkdir(parents=True)
    spec = (toolchain.ROOT / "isr" / "x86_64.py").read_text()
    (submission / "isr" / "x86_64.py").write_text(spec + "import time\ntime.sleep(3600)\n")
    limits = replace(sandbox.Limits(), wall_seconds=8)
    scored = grade.grade("gate-x86_64", submission, tmp_path / "out", limits=limits)
    assert [points for _, points, _ in scored] == [0] * len(load("gate-x86_64").parts)
    for _, _, lines in scored:
        assert lines[0] == "the submission's run was stopped: it ran longer than 8 s (the time limit)"
    results = json.loads((tmp_path / "out" / "results.json").read_text())
    assert results["score"] == 0 and len(results["tests"]) == len(scored)
