"""What runs inside the sandbox for one submission: build and check the kernel,
boot it once per console part and type the part's lines, measure a cost part's
vector; the answers go to build/grade/session.json for the grader, outside, to judge.

Usage (in the submission's tree): python -m grading.session PLAN.json
PLAN: {"arch", "parts": [{"kind", "commands": [lines to type], "handler"}]}
"""
import json
import re
import subprocess
import sys
from pathlib import Path

import pexpect

from grading.expect import resolve
from qemu.console import Console
from qemu.watch import BAD_PATTERNS
from tools import toolchain

OUT = toolchain.ROOT / "build" / "grade"
BUILD_TIMEOUT = 300
STORM = r"\[storm\] [^\r\n]*"
AFTER_STORM = 3             # host seconds for the prompt after a storm line
PROMPT_TIMEOUT = 10         # host seconds for one answer; guest time runs from the instruction count (`sleep 2000`: ~2 s)


def build(arch):
    """doit build-<arch> check-<arch>: (ok, its output)."""
    argv = [sys.executable, "-m", "doit", "--reporter=console", f"build-{arch}", f"check-{arch}"]
    try:
        done = subprocess.run(argv, cwd=toolchain.ROOT, capture_output=True, text=True, errors="replace",
                              timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, f"the build took longer than {BUILD_TIMEOUT} s and was stopped"
    return done.returncode == 0, (done.stdout + done.stderr)[-6000:]


def console_part(arch, n, commands):
    """Boot, type each line, keep what the guest answered to each (or how it ended)."""
    console = Console(arch, toolchain.kernel_elf(arch), OUT / "runs", f"part{n}", icount=0,
                      allow=list(BAD_PATTERNS))       # the grader judges every line itself
    answers = []
    try:
        console.boot()
        for line in commands:
            console.child.sendline(line)
            try:
                output = ""
                # A storm line is the kernel's own word that the handler never acknowledges; the
                # source is masked (a masked clock ends `sleep` at once, saying so), and a wait
                # for any other masked source may never end: wait a little only.
                if console.child.expect([re.escape(console.profile.prompt), STORM],
                                        timeout=PROMPT_TIMEOUT) == 1:
                    output = console.child.before + console.child.after
                    console.child.expect_exact(console.profile.prompt, timeout=AFTER_STORM)
                answers.append({"send": line, "output": output + console.child.before})
            except (pexpect.TIMEOUT, pexpect.EOF) as error:
                ended = ("the emulator stopped" if isinstance(error, pexpect.EOF) else
                         f"no prompt within {AFTER_STORM} s of the storm line" if output else
                         f"no prompt within {PROMPT_TIMEOUT} s")
                before = console.child.before if isinstance(console.child.before, str) else ""
                answers.append({"send": line, "output": output + before, "ended": ended})
                break
    except Exception as error:       # a kernel that does not boot: said in the part's output
        answers.append({"send": "(boot)", "output": "", "ended": f"{type(error).__name__}: {error}"})
    finally:
        console.close()
    return answers


def cost_part(arch, handler):
    from reports import cost
    manifest = json.loads((toolchain.build_dir(arch) / "gen" / "manifest.json").read_text())
    slot = next((s for s in manifest["vectors"] if s["handler"] == handler), None)
    if slot is None:
        return {"error": f"no vector is bound to {handler} in isr/{arch}.py"}
    try:
        rows, notes = cost.own_vector_report(arch, slot["vector"], runs=OUT / "runs")
    except cost.CostError as error:
        return {"error": str(error), "style": slot["style"]}
    summary = cost.summarize(rows)
    return {"style": slot["style"], "vector": slot["vector"], "rows": rows, "notes": notes,
            "minimum": summary[0]["minimum"] if summary else None}


def main(plan_path):
    plan = json.loads(Path(plan_path).read_text())
    arch = plan["arch"]
    OUT.mkdir(parents=True, exist_ok=True)
    built, log = build(arch)
    result = {"build": {"ok": built, "log": log}, "parts": [], "vectors": {}}
    if built:       # each handler's first vector, as gen/isr.h's ISR_VECTOR_<handler>
        manifest = json.loads((toolchain.build_dir(arch) / "gen" / "manifest.json").read_text())
        result["vectors"] = {s["handler"]: s["vector"] for s in reversed(manifest["vectors"]) if s.get("handler")}
    for n, part in enumerate(plan["parts"]):
        if not built or part["kind"] == "build":
            result["parts"].append(None)
        elif part["kind"] == "console":
            try:
                lines = [resolve(line, result["vectors"]) for line in part["commands"]]
            except KeyError as error:
                result["parts"].append([{"send": "(the lab's lines)", "output": "", "ended": error.args[0]}])
                continue
            result["parts"].append(console_part(arch, n, lines))
        else:
            result["parts"].append(cost_part(arch, part["handler"]))
    (OUT / "session.json").write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
