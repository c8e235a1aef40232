"""`doit grade [LAB]`: grade a submission of a lab, points per part.

The submission's files (the lab's `files` globs, nothing else) go over the
grader's own tree with the lab's starter applied, in a fresh folder; that
tree's build, boots and measurements run in the sandbox (grading/sandbox.py,
grading/session.py); the grader then judges what came back, prints each part's
points with GOOD/BAD/MISSING lines, and writes results.json (Gradescope's
format) and junit.xml.

Usage: python -m grading.grade LAB [--submission DIR] [--out DIR]
       python -m grading.grade LAB --batch DIR [--jobs N]   (each folder of DIR a submission)
"""
import argparse
import glob
import io
import json
import os
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from grading import results, sandbox, starter
from grading.expect import judge, resolve
from grading.labs import LabError, load, names
from tools.toolchain import ROOT, copy_sources

def assemble(lab, submission, tree):
    """tree: the grader's sources, the submission's files over them, and the lab's
    starter in each of the student's files that the submission does not hold (a
    submission of the starter alone is the starter state; a student's own tree,
    whose files already hold their work, is taken as it is)."""
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    copy_sources(tree)          # the kernel's sources, the labs and the session runner (grading/), not tests/
    taken = []
    submission = Path(submission).resolve()
    for pattern in lab.files:
        for found in sorted(glob.glob(pattern, root_dir=submission)):
            source = submission / found
            # A regular file inside the submission: no link out of it (the grader reads it, unsandboxed).
            if source.is_file() and not source.is_symlink() and source.resolve().is_relative_to(submission):
                (tree / found).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, tree / found)
                taken.append(found)
    starter.apply(replace(lab, starter=tuple(e for e in lab.starter if e.file not in taken)), tree)
    return taken


def plan(lab):
    return {"arch": lab.arch, "parts": [{"kind": p.kind, "commands": [c.send for c in p.commands],
                                         "handler": p.handler} for p in lab.parts]}


def score_console(part, answers, vectors):
    output = "".join(a["output"] for a in answers)
    expect = [resolve(p, vectors) for c in part.commands for p in c.expect]
    forbid = [resolve(p, vectors) for c in part.commands for p in c.forbid]
    passed, lines = judge(output, expect, forbid)
    lines += [f"(after `{a['send']}`: {a['ended']})" for a in answers if a.get("ended")]
    return (part.points if passed else 0), lines


def score_cost(part, found):
    if "error" in found:
        return 0, [f"BAD     {found['error']}"]
    lines = []
    mine = next((r for r in found["rows"] if r["vector"] == found["vector"]), None)
    ok = True
    if part.style and found["style"] != part.style:
        ok = False
        lines.append(f"BAD     style={found['style']} (the lab asks for style={part.style!r} in the spec)")
    else:
        lines.append(f"GOOD    style={found['style']}")
    over = mine["insns"] - found["minimum"]
    word = "GOOD   " if over <= part.slack else "BAD    "
    ok = ok and over <= part.slack
    lines.append(f"{word} vector {found['vector']}: {mine['insns']} instructions, the minimum "
                 f"{found['minimum']}: {over:+d} (at most +{part.slack})")
    for note in found["notes"]:
        ok = False
        lines.append(f"BAD     {note}")
    return (part.points if ok else 0), lines


def score(lab, session, outcome):
    """[(part, points, lines)] from what the sandbox brought back."""
    if session is None:
        why = outcome.stopped or f"it ended with status {outcome.returncode} before writing its answers"
        tail = outcome.output.strip().splitlines()[-12:]
        return [(part, 0, [f"the submission's run was stopped: {why}"] + tail) for part in lab.parts]
    scored = []
    for part, found in zip(lab.parts, session["parts"]):
        if part.kind == "build" or not session["build"]["ok"]:
            if session["build"]["ok"]:
                scored.append((part, part.points, [f"GOOD    doit build-{lab.arch} check-{lab.arch}"]))
            else:
                scored.append((part, 0, [f"BAD     doit build-{lab.arch} check-{lab.arch} failed"] +
                               ([] if part.kind != "build" else session["build"]["log"].strip().splitlines()[-15:])))
        elif part.kind == "console":
            scored.append((part, *score_console(part, found, session["vectors"])))
        else:
            scored.append((part, *score_cost(part, found)))
    return scored


def grade(name, submission, out, limits=sandbox.Limits(), stream=None):
    """Grade one submission; writes results.json and junit.xml in out; returns [(part, points, lines)].
    What it says goes to stream (stdout by default)."""
    def say(text):
        print(text, file=stream or sys.stdout, flush=True)

    lab = load(name)
    out = Path(out).resolve()
    tree = out / "tree"
    taken = assemble(lab, submission, tree)
    build = tree / "build"
    (build / "grade").mkdir(parents=True, exist_ok=True)
    if any(p.kind == "cost" for p in lab.parts):         # the grader's plugin, built by `doit plugin`
        from reports import cost
        if not cost.PLUGIN.exists() and not cost.build_plugin():
            raise RuntimeError(f"cannot build the cost plugin {cost.PLUGIN}: see above")
        (build / "plugin").mkdir(exist_ok=True)
        shutil.copy(cost.PLUGIN, build / "plugin" / cost.PLUGIN.name)
    (build / "grade" / "plan.json").write_text(json.dumps(plan(lab)))
    outcome = sandbox.run(tree, [sandbox.python(), "-m", "grading.session", "build/grade/plan.json"], limits,
                          log=out / "sandbox.log")
    answers = build / "grade" / "session.json"
    session = json.loads(answers.read_text()) if answers.exists() and not outcome.stopped else None
    scored = score(lab, session, outcome)
    say(f"lab {lab.name} ({lab.title}): the submission's files: {', '.join(taken) or 'none found'}")
    for part, points, lines in scored:
        say(f"{part.name}: {points}/{part.points}")
        for line in lines:
            say(f"    {line}")
    say(f"score: {sum(p for _, p, _ in scored)}/{lab.points}")
    written = results.write(lab, scored, out)
    say(f"results: {written} and {written.parent / 'junit.xml'}")
    return scored


def grade_many(name, submissions, out, jobs=None):
    """Grade each folder of submissions in parallel, at most jobs at once (the machine's cores by default);
    each keeps its own sandbox and limits. Returns {submission name: score}, in name order."""
    folders = sorted(p for p in Path(submissions).iterdir() if p.is_dir())
    jobs = jobs or os.cpu_count() or 1

    def one(folder):
        text = io.StringIO()        # each its own: the threads share sys.stdout
        scored = grade(name, folder, Path(out) / folder.name, stream=text)
        (Path(out) / folder.name / "grade.txt").write_text(text.getvalue())
        return folder.name, sum(p for _, p, _ in scored)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return dict(pool.map(one, folders))


def main(argv):
    parser = argparse.ArgumentParser(prog="doit grade", description=__doc__.splitlines()[0])
    parser.add_argument("lab", nargs="?", help=f"the lab ({', '.join(names())})")
    parser.add_argument("--submission", default=str(ROOT), help="the student's tree or files (default: this tree)")
    parser.add_argument("--out", help="where results.json goes (default: build/grade/LAB)")
    parser.add_argument("--batch", help="a folder with one folder per submission, graded in parallel")
    parser.add_argument("--jobs", type=int, help="submissions graded at once (default: the machine's cores)")
    args = parser.parse_args(argv)
    if not args.lab:
        print(f"usage: doit grade LAB; the labs are: {', '.join(names())}", file=sys.stderr)
        return 2
    out = Path(args.out or ROOT / "build" / "grade" / args.lab)
    try:
        if args.batch:
            for who, total in grade_many(args.lab, args.batch, out, args.jobs).items():
                print(f"{who}: {total}/{load(args.lab).points} ({out / who / 'results.json'})")
            return 0
        grade(args.lab, args.submission, out)
    except (LabError, starter.StarterError, sandbox.SandboxUnavailable) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def doit_step(lab, submission, batch, jobs):
    """`doit grade LAB [--submission DIR] [--batch DIR] [--jobs N]`."""
    argv = lab[:1] + (["--submission", submission] if submission else []) + \
        (["--batch", batch] if batch else []) + (["--jobs", str(jobs)] if jobs else [])
    return main(argv) == 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
