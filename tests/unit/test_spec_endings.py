"""Specs that end whatever runs them, and errors raised in a helper (issue 22).

A raised KeyboardInterrupt gave a traceback; os._exit(0) ended doit with status
0 and nothing generated; an error raised in a helper function was reported at
the helper's line instead of the spec's statement that called it. generate()
now runs the spec in a child Python that must report back (isr/isolated.py)."""
import json
import subprocess
import sys

import pytest

from isr.generate import generate, render
from isr.validate import SpecError
from tests.conftest import ROOT
from tests.unit.spec_files import required_lines, write_raw, write_spec

HEADER = "from isr.spec import exception, interrupt, irq\n"
ENDED = "the spec ended the Python process that ran it"
CALLER = """import json, sys
from isr.generate import generate
from isr.validate import SpecError
try:
    generate("x86_64", sys.argv[1], sys.argv[2])
    print(json.dumps(["accepted"]))
except SpecError as error:
    print(json.dumps(error.problems))
"""


def rejected(path, run=render):
    """The problems run() raised; a KeyboardInterrupt that escapes fails the test, not the session."""
    try:
        run("x86_64", path)
    except SpecError as error:
        return error.problems
    except BaseException as error:
        pytest.fail(f"{type(error).__name__} escaped from the spec: {error}")
    pytest.fail(f"{path} was accepted")


def generated_elsewhere(spec, out):
    """generate()'s problems, called from a Python of its own: a spec that ends the
    process that called generate() must fail this test, not end the test session."""
    result = subprocess.run([sys.executable, "-c", CALLER, str(spec), str(out)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.stdout, f"generate() ended the process that called it (status {result.returncode}): " \
                          f"{result.stderr[-2000:]}"
    return json.loads(result.stdout.splitlines()[-1])


def test_a_raised_keyboard_interrupt_is_a_spec_error_at_its_line(tmp_path):
    path = write_raw(tmp_path, HEADER + "\nraise KeyboardInterrupt\nVECTORS = []\n")
    assert rejected(path) == [f"{path}:3: the spec raises KeyboardInterrupt, which stops whatever runs it as "
                              f"Ctrl-C does; a spec only declares VECTORS: remove the raise"]


def test_an_error_in_a_helper_is_reported_at_the_statement_that_called_it(tmp_path):
    path = write_raw(tmp_path, """\
        from isr.spec import exception

        def stub(name, handler):
            return exception(name, style="stub")

        VECTORS = [
            stub("#UD", "on_ud"),
        ]
        """)
    problem, = rejected(path)
    assert problem.startswith(f"{path}:7: TypeError: exception() missing 1 required positional argument")
    assert problem.endswith("(raised in stub() at line 4)")


def test_a_sys_exit_in_a_helper_is_reported_at_the_statement_that_called_it(tmp_path):
    path = write_raw(tmp_path, "import sys\n\ndef stop():\n    sys.exit(0)\n\nstop()\nVECTORS = []\n")
    problem, = rejected(path)
    assert problem.startswith(f"{path}:6: the spec calls sys.exit(0)")
    assert problem.endswith("(raised in stop() at line 4)")


def _good_generation(tmp_path):
    good, _ = write_spec(tmp_path, *required_lines("x86_64"), name="good.py")
    out = tmp_path / "gen"
    generate("x86_64", good, out)
    return out, {p.name: p.read_text() for p in out.iterdir()}


@pytest.mark.parametrize("ending, how", [
    ("os._exit(0)", "exit status 0"),
    ("os._exit(5)", "exit status 5"),
    ("os.kill(os.getpid(), signal.SIGKILL)", "killed by SIGKILL"),
])
def test_a_spec_that_ends_its_process_fails_and_writes_nothing(tmp_path, ending, how):
    out, before = _good_generation(tmp_path)
    spec = write_raw(tmp_path, f"import os\nimport signal\n\n{ending}\nVECTORS = []\n", name="ends.py")
    problem, = generated_elsewhere(spec, out)
    assert problem.startswith(f"{spec}:4: {ENDED} ({how}) before VECTORS was read")
    assert {p.name: p.read_text() for p in out.iterdir()} == before


def test_an_ending_in_a_helper_names_the_statement_and_the_last_line(tmp_path):
    spec = write_raw(tmp_path, "import os\n\ndef stop():\n    os._exit(0)\n\nstop()\nVECTORS = []\n")
    problem, = generated_elsewhere(spec, tmp_path / "gen")
    assert problem.startswith(f"{spec}:6: {ENDED} (exit status 0; its line 4 ran last) before VECTORS was read")
    assert not (tmp_path / "gen").exists()


def test_a_raised_keyboard_interrupt_fails_generate_too(tmp_path):
    spec = write_raw(tmp_path, "raise KeyboardInterrupt('from the spec')\n")
    problem, = generated_elsewhere(spec, tmp_path / "gen")
    assert problem.startswith(f"{spec}:1: the spec raises KeyboardInterrupt: from the spec, which stops")


def test_the_child_sees_the_modules_the_caller_can_import(tmp_path, monkeypatch):
    """The spec runs in another Python, with the caller's sys.path and working directory."""
    (tmp_path / "spec_parts.py").write_text(
        'from isr.spec import exception\n\nBAD = exception("#UD", "on_ud", style="stub", dpl=7)\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    spec = write_raw(tmp_path, "from spec_parts import BAD\n\nVECTORS = [BAD]\n")
    problem, = rejected(spec, lambda arch, path: generate(arch, path, tmp_path / "gen"))
    assert problem.startswith(f"{tmp_path / 'spec_parts.py'}:3: vector 6 (#UD): DPL 7 out of range")

