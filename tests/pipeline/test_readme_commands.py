"""The README's two commands are the ones CI runs and the ones that work here."""
import re

from tools import toolchain

README = toolchain.ROOT / "README.md"
CI = toolchain.ROOT / ".ci" / "run"


def quick_start_commands():
    section = README.read_text().split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^    (tools/setup && .+)$", section, re.M)


def test_the_quick_start_has_two_commands_both_through_setup_and_the_venv():
    commands = quick_start_commands()
    assert commands == ["tools/setup && .venv/bin/python -m doit boot-x86_64",
                        "tools/setup && .venv/bin/python -m pytest -n auto"], commands


def test_ci_runs_the_readme_test_command_word_for_word():
    test_command = quick_start_commands()[1]
    assert test_command in CI.read_text().splitlines(), f"{CI} does not run `{test_command}`"
