"""The doit graph in a copy of the repository: a no-op run does nothing, one
changed C file rebuilds one object, a spec change regenerates only tables."""
import re
import shutil
import subprocess
import sys

import pytest

from dodo import ARCHES
from tests.conftest import ROOT


def doit(tree, *args):
    result = subprocess.run([sys.executable, "-m", "doit", *args], cwd=tree, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return sorted(re.findall(r"^\.  (\S+)$", result.stdout, re.M))     # tasks that ran


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    copy = tmp_path_factory.mktemp("repo")
    for name in ("dodo.py", "isr", "kernel", "boot", "linker", "tools", "qemu"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    assert "build-x86_64" in doit(copy)
    return copy


def test_second_run_does_nothing(tree):
    assert doit(tree) == []


def test_changing_one_c_file_rebuilds_only_its_object(tree):
    shell = tree / "kernel" / "shell.c"
    shell.write_text(shell.read_text() + "\n/* touched */\n")
    # A shared file: every arch rebuilds its own object of it, and nothing else.
    assert doit(tree) == sorted(task for arch in ARCHES for task in
                                (f"build-{arch}", f"check-{arch}", f"compile:{arch}:kernel/shell.c"))
    assert doit(tree) == []


def test_changing_a_header_rebuilds_what_includes_it(tree):
    header = tree / "kernel" / "x86_64" / "pit.h"
    header.write_text(header.read_text() + "\n/* touched */\n")
    assert doit(tree) == ["build-x86_64", "check-x86_64", "compile:x86_64:kernel/x86_64/arch.c",
                          "compile:x86_64:kernel/x86_64/pit.c"]


def test_changing_the_spec_regenerates_only_the_tables(tree):
    spec = tree / "isr" / "x86_64.py"
    spec.write_text(spec.read_text().replace('"on_nmi", style="stub", ist=2', '"on_nmi", style="stub", ist=3'))
    gen = tree / "build" / "x86_64" / "gen"
    header_before = (gen / "isr.h").stat().st_mtime_ns
    ran = doit(tree)
    assert ran == ["build-x86_64", "check-x86_64", "compile:x86_64:" + str(gen / "isr_table.S"), "gen:x86_64"]
    assert (gen / "isr.h").stat().st_mtime_ns == header_before


def test_changing_a_cortex_m_priority_regenerates_only_its_priority_table(tree):
    """Priorities live in gen/isr_stubs.S (isr_priorities): the table words,
    isr.h and keep.ld stay as they were, so only the stubs recompile."""
    spec = tree / "isr" / "cortex-m.py"
    spec.write_text(spec.read_text().replace('"on_timer0", style="abi", priority=0xc0',
                                             '"on_timer0", style="abi", priority=0xe0'))
    gen = tree / "build" / "cortex-m" / "gen"
    before = {name: (gen / name).stat().st_mtime_ns for name in ("isr.h", "isr_table.S", "keep.ld")}
    assert doit(tree) == ["build-cortex-m", "check-cortex-m", "compile:cortex-m:" + str(gen / "isr_stubs.S"),
                          "gen:cortex-m"]
    assert {name: (gen / name).stat().st_mtime_ns for name in before} == before
