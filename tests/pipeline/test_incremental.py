"""The doit graph in a copy of the repository: a no-op run does nothing, one
changed C file rebuilds one object, a spec change regenerates only tables, a
changed compile or link flag redoes only what it touches."""
import re
import subprocess
import sys

import pytest

from dodo import ARCHES
from tools import toolchain


# doit's own reporter, a line per task: the project's (tools/doit_report.py)
# says one line per arch for its compiles, and these tests name each task that ran.
EVERY_TASK = "--reporter=console"


def run_doit(tree, *args):
    return subprocess.run([sys.executable, "-m", "doit", EVERY_TASK, *args], cwd=tree, capture_output=True,
                          text=True)


def doit(tree, *args):
    result = run_doit(tree, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    return sorted(re.findall(r"^\.  (\S+)$", result.stdout, re.M))     # tasks that ran


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    copy = tmp_path_factory.mktemp("repo")
    toolchain.copy_sources(copy)
    assert "build-x86_64" in doit(copy)
    return copy


def test_second_run_does_nothing(tree):
    assert doit(tree) == []


def test_changing_one_c_file_rebuilds_only_its_object(tree):
    shell = tree / "kernel" / "shell.c"
    # A change to the code, not a comment: avr-gcc's DWARF holds no source checksum,
    # so its object of a file with one more comment is byte-identical and links nothing.
    shell.write_text(shell.read_text() + "\nconst char shell_touched[] = \"touched\";\n")
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


def test_a_bad_spec_on_a_fresh_tree_fails_with_its_lines_and_writes_nothing(tmp_path):
    toolchain.copy_sources(tmp_path)
    spec = tmp_path / "isr" / "x86_64.py"
    spec.write_text(spec.read_text().replace('exception("#PF", "on_page_fault", style="stub")',
                                             'exception("#PF", "on page fault", style="stubb")'))
    line = next(i for i, text in enumerate(spec.read_text().splitlines(), 1) if "on page fault" in text)
    result = run_doit(tmp_path, "build-x86_64")
    assert result.returncode != 0
    said = result.stderr.splitlines()
    assert f"isr/x86_64.py:{line}: vector 14 (#PF): style 'stubb' unknown; use one of: abi, stub, naked" in said
    assert any(f"isr/x86_64.py:{line}: vector 14 (#PF): handler 'on page fault' is not a C identifier" in s
               for s in said)
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "build" / "x86_64" / "gen").exists()


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


def test_changing_a_compile_flag_recompiles_what_it_touches(tree):
    """The compile command is part of each object's state (dodo.py): a flag
    added for one source recompiles that source on each arch that uses it."""
    script = tree / "tools" / "toolchain.py"
    line = 'SOURCE_CFLAGS = {"kernel/{arch}/bench.c": ["-momit-leaf-frame-pointer"],'
    assert line in script.read_text(), f"tools/toolchain.py has no line {line!r} to add a flag to"
    script.write_text(script.read_text().replace(
        line, 'SOURCE_CFLAGS = {"kernel/{arch}/bench.c": ["-momit-leaf-frame-pointer", "-fno-inline"],'))
    ran = doit(tree)
    flagged = [arch for arch in ARCHES if "source_cflags" not in toolchain.TARGETS[arch]]
    assert [task for task in ran if task.startswith("compile:")] == \
        sorted(f"compile:{arch}:kernel/{arch}/bench.c" for arch in flagged)
    assert doit(tree) == []


def test_changing_a_link_flag_relinks(tree):
    facts = tree / "isr" / "arch_x86_64" / "toolchains.py"      # the arch's own build facts
    line = '"ldflags": ["-z", "max-page-size=4096"],'
    assert line in facts.read_text(), f"isr/arch_x86_64/toolchains.py has no line {line!r} to add a flag to"
    facts.write_text(facts.read_text().replace(line, '"ldflags": ["-z", "max-page-size=4096", "--no-undefined"],', 1))
    ran = doit(tree)
    # gen:x86_64 looks again (the arch's folder is its input) and writes nothing; no other arch's task runs
    assert "build-x86_64" in ran and all(task.endswith(("-x86_64", ":x86_64")) for task in ran), ran
    assert doit(tree) == []
