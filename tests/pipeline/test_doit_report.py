"""What a doit run prints (tools/doit_report.py): one line per arch for its
compiles, not a line per object (before: every boot began with some 45
`-- compile:` lines); a failing compile still shows its command and the
compiler's messages."""
import re
import subprocess
import sys

import pytest

from tools import toolchain

ARCH = "riscv64"


def run(tree, *args):
    return subprocess.run([sys.executable, "-m", "doit", *args], cwd=tree, capture_output=True, text=True)


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    copy = tmp_path_factory.mktemp("repo")
    toolchain.copy_sources(copy)
    return copy


def compile_lines(stdout):
    return [line for line in stdout.splitlines() if "compile:" in line]


def test_a_build_and_a_second_run_say_one_compile_line(tree):
    objects = len(toolchain.sources(ARCH) + list(toolchain.GENERATED_SOURCES))
    first = run(tree, f"build-{ARCH}")
    assert first.returncode == 0, first.stdout + first.stderr
    line, = compile_lines(first.stdout)
    compiled = re.fullmatch(rf"\.  compile:{ARCH}: (\d+) compiled(?:, (\d+) up to date)?", line)
    assert compiled and int(compiled[1]) + int(compiled[2] or 0) == objects, line
    second = run(tree, f"build-{ARCH}")
    assert second.returncode == 0, second.stdout + second.stderr
    assert compile_lines(second.stdout) == [f"-- compile:{ARCH}: {objects} up to date"]
    assert not re.search(r"^\.  ", second.stdout, re.M), "a second run rebuilt something:\n" + second.stdout


def test_a_failing_compile_shows_its_command_and_the_compilers_message(tree):
    shell = tree / "kernel" / "shell.c"
    text = shell.read_text()
    shell.write_text(text + "\nint shell_broken = undeclared_name;\n")
    try:
        result = run(tree, f"build-{ARCH}")
    finally:
        shell.write_text(text)
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert f"FAILED compile:{ARCH}:kernel/shell.c" in result.stdout, out
    # The command as it ran: through ccache (tools/compiler_cache.py).
    assert re.search(r"^compile failed: ccache clang --target=\S+ .*kernel/shell\.c", result.stderr, re.M), out
    assert "undeclared_name" in result.stderr and "error:" in result.stderr, out


def test_the_console_reporter_still_names_every_task(tree):
    result = run(tree, "--reporter=console", f"build-{ARCH}")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert f"-- compile:{ARCH}:kernel/console.c" in lines, result.stdout
    assert not [line for line in lines if re.fullmatch(rf"(--|\.) +compile:{ARCH}: .*", line)], result.stdout
