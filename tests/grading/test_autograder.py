"""The grader runs as Gradescope runs it: run_autograder in an /autograder-shaped
temporary folder (source/, submission/, results/), writing results.json in
Gradescope's format and JUnit XML. Lab gate-x86_64: the shipped spec is the
repaired one, so a submission of it earns every point, and the starter's own
spec loses the three console parts with BAD and MISSING lines."""
import json
import os
import shutil
import subprocess
from xml.etree import ElementTree

import pytest

from grading.labs import load
from tools import toolchain

LAB = "gate-x86_64"


def autograder(tmp_path, submitted_spec):
    root = tmp_path / "autograder"
    source = root / "source"
    source.mkdir(parents=True)
    toolchain.copy_sources(source)
    (source / ".venv").symlink_to(toolchain.ROOT / ".venv")
    (source / "build" / "plugin").mkdir(parents=True)
    (source / "grading" / "autograder" / "lab").write_text(LAB + "\n")
    (root / "submission" / "isr").mkdir(parents=True)
    (root / "submission" / "isr" / "x86_64.py").write_text(submitted_spec)
    done = subprocess.run(["bash", str(source / "grading" / "autograder" / "run_autograder")],
                          env={**os.environ, "AUTOGRADER": str(root)}, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    results = json.loads((root / "results" / "results.json").read_text())
    junit = ElementTree.parse(root / "results" / "junit.xml").getroot()
    return results, junit, done.stdout


def check_format(results, junit):
    lab = load(LAB)
    assert [t["name"] for t in results["tests"]] == [p.name for p in lab.parts]
    assert [t["max_score"] for t in results["tests"]] == [p.points for p in lab.parts]
    assert results["score"] == sum(t["score"] for t in results["tests"])
    assert all(isinstance(t["output"], str) for t in results["tests"])
    assert [case.get("name") for case in junit.iter("testcase")] == [p.name for p in lab.parts]


def test_the_repaired_spec_gets_every_point(tmp_path):
    results, junit, printed = autograder(tmp_path, (toolchain.ROOT / "isr" / "x86_64.py").read_text())
    check_format(results, junit)
    assert results["score"] == load(LAB).points, printed
    assert junit.get("failures") == "0"
    assert "GOOD" in printed and "MISSING" not in printed


def test_the_starter_spec_loses_the_console_parts(tmp_path):
    spec = (toolchain.ROOT / "isr" / "x86_64.py").read_text()
    for edit in load(LAB).starter:
        assert spec.count(edit.find) == 1, f"labs/{LAB}/lab.toml's starter no longer matches isr/x86_64.py"
        spec = spec.replace(edit.find, edit.text)
    results, junit, printed = autograder(tmp_path, spec)
    check_format(results, junit)
    scores = {t["name"]: t["score"] for t in results["tests"]}
    assert results["score"] == load(LAB).parts[0].points, printed      # it builds; nothing else passes
    dpl = next(t for t in results["tests"] if t["name"].startswith("DPL"))
    assert "BAD     [trap] vec=13 name=#GP" in dpl["output"]
    ist = next(t for t in results["tests"] if t["name"].startswith("IST"))
    assert "MISSING '^trap df: recovered$'" in ist["output"]
    assert junit.get("failures") == str(sum(1 for s in scores.values() if s == 0))
