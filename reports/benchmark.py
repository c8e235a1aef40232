"""Figures for the closing notes: boot-to-prompt, build times, suite wall time.

Usage: .venv/bin/python -m reports.benchmark [--arch x86_64] [--boots 10] [--suite] [--broken-boot]
       .venv/bin/python -m reports.benchmark --only-runs --qemu-runs 200 [--runs-log FILE]
Prints medians; nothing here is asserted (this machine is shared and noisy).
"""
import argparse
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from pathlib import Path

from qemu.console import Console
from qemu.launcher import tied_to_this_process
from tools import toolchain

ROOT = toolchain.ROOT


def boot_to_prompt(arch, boots):
    """Seconds from spawning QEMU to the shell's first prompt, one per boot."""
    elf = toolchain.kernel_elf(arch)
    times = []
    with tempfile.TemporaryDirectory() as run_dir:
        for i in range(boots):
            started = time.monotonic()
            with Console(arch, elf, run_dir, f"boot{i}", interrupt_log=False) as console:
                console.boot()
                times.append(time.monotonic() - started)
    return times


def run(argv, cwd, check=False):
    """A doit or pytest run that dies with this benchmark (SIGTERM: pytest then
    ends its workers, and they their QEMUs), however the benchmark dies."""
    return subprocess.run(argv, cwd=cwd, check=check, capture_output=True, text=True,
                          preexec_fn=tied_to_this_process(signal.SIGTERM))


def timed(argv, cwd):
    started = time.monotonic()
    run(argv, cwd, check=True)
    return time.monotonic() - started


def build_times():
    """A clean build and a no-op rerun of `doit`, in a fresh copy of the tree."""
    with tempfile.TemporaryDirectory() as tmp:
        toolchain.copy_sources(Path(tmp))
        clean = timed([sys.executable, "-m", "doit"], tmp)
        noop = timed([sys.executable, "-m", "doit"], tmp)
    return clean, noop


def arch_of_test(case):
    """The arch a test exercises, from its module or parameter name (test_riscv64_shell,
    [cortex-m]); tests named after no arch are x86_64's or shared."""
    text = case.get("classname", "") + case.get("name", "")
    for arch in toolchain.TARGETS:
        if arch != "x86_64" and (arch in text or arch.replace("-", "_") in text):
            return arch
    return "x86_64 and shared"


def suite_times():
    """Wall time of `pytest -n auto`, and the test time each arch adds to it
    (the sum of its tests' durations: the workers run them side by side)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        wall = timed([sys.executable, "-m", "pytest", "-n", "auto", "-q", f"--junitxml={report}"], ROOT)
        per_arch = defaultdict(float)
        for case in ElementTree.parse(report).iter("testcase"):
            per_arch[arch_of_test(case)] += float(case.get("time", 0))
    return wall, per_arch


def keep_failure_reports(folder, number, cases):
    """What pytest reported of each failed test (expected, got, transcript tail,
    QEMU's log), one file per test and run: the tmp folders of a flaky run are
    long gone when someone reads the count."""
    folder.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for case in cases:
        outcome = case.find("failure") if case.find("failure") is not None else case.find("error")
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{case.get('classname')}.{case.get('name')}")
        (folder / f"{stamp}-run{number}-{name}.txt").write_text(
            f"{outcome.get('message', '')}\n\n{outcome.text or ''}")


def qemu_layer_runs(runs, log=None):
    """Run the QEMU layer runs times, as CI does (pytest -n auto); print one
    line per run as it ends (wall time, the tests that failed), and append it
    to log, so that runs spread over several sittings add up. Returns
    (wall seconds of each run, runs with a failure, {test: runs it failed in})."""
    walls, flaky, failed_tests = [], 0, defaultdict(int)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        for number in range(1, runs + 1):
            started = time.monotonic()
            result = run([sys.executable, "-m", "pytest", "-n", "auto", "-q", "-p", "no:cacheprovider",
                          "tests/qemu", f"--junitxml={report}"], ROOT)
            walls.append(time.monotonic() - started)
            if report.exists():
                cases = [case for case in ElementTree.parse(report).iter("testcase")
                         if case.find("failure") is not None or case.find("error") is not None]
                failed = [f"{case.get('classname')}::{case.get('name')}" for case in cases]
            else:
                cases, failed = [], [f"(no report: pytest exited {result.returncode})"]
            if log and cases:
                keep_failure_reports(Path(f"{log}.failures"), number, cases)
            if result.returncode != 0 and not failed:
                failed = [f"(pytest exited {result.returncode}: {result.stdout.strip().splitlines()[-1:]})"]
            flaky += bool(failed)
            for name in failed:
                failed_tests[name] += 1
            line = f"run {number}: {walls[-1]:.1f} s, {len(failed)} failed{': ' + ', '.join(failed) if failed else ''}"
            print(line, flush=True)
            if log:
                with open(log, "a") as sink:
                    sink.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} {line}\n")
            report.unlink(missing_ok=True)
    return walls, flaky, failed_tests


def broken_boot_time():
    """Wall time of the QEMU layer, in a copy of the tree whose kernel never
    reaches its prompt (kmain spins after arch_init), and its failure count:
    what a user waits before learning that nothing boots."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp)
        toolchain.copy_sources(tree)
        shutil.copytree(ROOT / "tests", tree / "tests", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "pytest.ini", tree / "pytest.ini")
        main_c = tree / "kernel" / "main.c"
        main_c.write_text(main_c.read_text().replace("    arch_init();\n", "    arch_init();\n    for (;;) {\n    }\n", 1))
        run([sys.executable, "-m", "doit"], tree, check=True)
        started = time.monotonic()
        report = tree / "junit.xml"
        result = run([sys.executable, "-m", "pytest", "-n", "auto", "-q", "tests/qemu", f"--junitxml={report}"], tree)
        wall = time.monotonic() - started
        cases = sorted(((float(c.get("time", 0)), c.get("name")) for c in ElementTree.parse(report).iter("testcase")),
                       reverse=True)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "(no summary)"
    return wall, summary, cases[:5]


def main(argv):
    sys.stdout.reconfigure(line_buffering=True)      # each figure shows as it comes, even if the run is cut short
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arch", default="x86_64")
    parser.add_argument("--boots", type=int, default=10)
    parser.add_argument("--suite", action="store_true", help="also time `pytest -n auto`")
    parser.add_argument("--qemu-runs", type=int, default=0,
                        help="run tests/qemu N times, count the failed runs and name the failed tests")
    parser.add_argument("--runs-log", help="append one line per QEMU-layer run to this file")
    parser.add_argument("--only-runs", action="store_true", help="skip the boot and build figures")
    parser.add_argument("--broken-boot", action="store_true",
                        help="time tests/qemu against a kernel that never reaches its prompt")
    args = parser.parse_args(argv)
    run([sys.executable, "-m", "doit", f"build-{args.arch}"], ROOT, check=True)
    if not args.only_runs:
        boots = boot_to_prompt(args.arch, args.boots)
        print(f"{args.arch} boot-to-prompt: median {statistics.median(boots) * 1000:.0f} ms "
              f"(min {min(boots) * 1000:.0f}, max {max(boots) * 1000:.0f}, n={len(boots)})")
        clean, noop = build_times()
        print(f"doit clean build (all arches): {clean:.2f} s; no-op doit: {noop:.2f} s")
    if args.suite:
        wall, per_arch = suite_times()
        print(f"full test suite (pytest -n auto): {wall:.1f} s wall")
        for arch, seconds in sorted(per_arch.items()):
            print(f"  {arch} tests: {seconds:.1f} s of test time")
    if args.broken_boot:
        wall, summary, slowest = broken_boot_time()
        print(f"QEMU layer with a kernel that cannot boot: {wall:.1f} s wall ({summary})")
        for seconds, name in slowest:
            print(f"  {seconds:.1f} s {name}")
    if args.qemu_runs:
        walls, flaky, failed_tests = qemu_layer_runs(args.qemu_runs, args.runs_log)
        print(f"QEMU layer, {len(walls)} runs: median {statistics.median(walls):.1f} s wall, "
              f"{flaky} run(s) with a failure")
        for name, count in sorted(failed_tests.items(), key=lambda item: -item[1]):
            print(f"  failed in {count} run(s): {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
