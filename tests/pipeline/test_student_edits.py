"""The student guide's edits, made in a copy of the tree as its pages write them: the suite's own checks still pass there.

The edits are read from docs/guide/first-handler/<arch>.md (tests/guide_edits.py):
a spec line and a new kernel/<arch>/student.c per arch. The copy builds and checks,
the ELF and QEMU test files that cover the vectors the edits touch run there
(reading the copy's manifest), each new handler is raised and prints what its
page shows, and a spec without the guide's line (as the tests' small specs are)
still compiles the student's file. A tree that already holds the edits (a
student's, after the guide) is left as it is.
"""
import re
import shutil
import subprocess
import sys

import pytest

from qemu.console import Console
from tests import guide_edits
from tools import toolchain

PAGES = guide_edits.pages()

# The test files that check what the edits touch, run in the copy.
CHECKS = ["tests/elf/test_x86_64_elf.py", "tests/elf/test_handler_cost.py",
          "tests/qemu/test_x86_64_softint.py", "tests/qemu/test_x86_64_user.py", "tests/qemu/test_report_style.py",
          "tests/qemu/test_riscv64_interrupts.py", "tests/qemu/test_aarch64_interrupts.py",
          "tests/qemu/test_arm32_interrupts.py", "tests/qemu/test_cortex_m_interrupts.py"]

_HANDLER = re.compile(r'"(\w+)"')


def spec_edit(arch):
    """The page's edit of isr/<arch>.py."""
    found = [e for e in guide_edits.edits(PAGES[arch]) if e.kind == "add" and e.path == f"isr/{arch}.py"]
    assert len(found) == 1, f"{PAGES[arch]}: expected one edit of isr/{arch}.py, found {len(found)}"
    return found[0]


@pytest.fixture(scope="module")
def student_tree(tmp_path_factory):
    tree = tmp_path_factory.mktemp("student")
    toolchain.copy_sources(tree)
    shutil.copytree(toolchain.ROOT / "tests", tree / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(toolchain.ROOT / "pytest.ini", tree / "pytest.ini")
    for page in PAGES.values():
        for edit in guide_edits.edits(page):
            guide_edits.apply(tree, edit)
    tasks = [f"{step}-{arch}" for arch in PAGES for step in ("build", "check")]
    result = subprocess.run([sys.executable, "-m", "doit", *tasks], cwd=tree, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return tree


def test_the_edited_tree_keeps_its_checks_green(student_tree):
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", *CHECKS],
                            cwd=student_tree, capture_output=True, text=True)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.search(r"\d+ passed", summary) and "failed" not in summary and "skipped" not in summary, summary
    # The copy's own build holds the edits: they were checked, not bypassed.
    for arch in PAGES:
        handler = _HANDLER.search(spec_edit(arch).text)[1]
        manifest = (student_tree / "build" / arch / "gen" / "manifest.json").read_text()
        assert f'"handler": "{handler}"' in manifest, (arch, handler)


def test_applying_the_edits_again_changes_nothing(student_tree):
    """What a student's tree holds after the guide is what the test makes: the edits are made once."""
    changed = [e.path for page in PAGES.values() for e in guide_edits.edits(page) if guide_edits.apply(student_tree, e)]
    assert changed == []


@pytest.mark.parametrize("arch", sorted(PAGES))
def test_each_new_handler_prints_what_its_page_shows(student_tree, arch, tmp_path):
    want = guide_edits.expected(PAGES[arch], arch)
    with Console(arch, student_tree / "build" / arch / "kernel.elf", tmp_path, "student") as console:
        console.boot()
        output = console.run(want.command)
    reports = [line for line in output.splitlines() if line.startswith("[trap] ")]
    assert len(reports) == 1 and want.report.fullmatch(reports[0].rstrip()), (want.report.pattern, output)
    assert output.rstrip().splitlines()[-1].rstrip() == want.last, output


@pytest.mark.parametrize("arch", sorted(PAGES))
def test_a_spec_without_the_guide_line_still_compiles_the_students_file(student_tree, arch, tmp_path):
    """The student's file names its own vector (ISR_VECTOR_<handler>): a spec that leaves the
    handler out, as the tests' small specs do, is not refused for it, and the file compiles."""
    edit = spec_edit(arch)
    spec = tmp_path / f"{arch}.py"
    spec.write_text(guide_edits.without((student_tree / edit.path).read_text(), edit))
    gen = tmp_path / "gen"
    script = ("import sys; from pathlib import Path; from isr.render import render; from tools import toolchain\n"
              "arch, spec, gen = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]); gen.mkdir()\n"
              "for name, text in render(arch, spec).items(): (gen / name).write_text(text)\n"
              "sys.exit(0 if toolchain.compile_one(arch, f'kernel/{arch}/student.c', sys.argv[4], gen) else 1)\n")
    result = subprocess.run([sys.executable, "-c", script, arch, str(spec), str(gen), str(tmp_path / "student.o")],
                            cwd=student_tree, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    handler = _HANDLER.search(edit.text)[1]
    if f"ISR_VECTOR_{handler}" in (student_tree / "kernel" / arch / "student.c").read_text():
        assert f"#define ISR_VECTOR_{handler} ISR_VECTOR_COUNT" in (gen / "isr.h").read_text()
