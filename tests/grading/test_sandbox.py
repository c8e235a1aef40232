"""The sandbox (grading/sandbox.py) stops a spec that reaches out of its tree, opens a
socket, forks forever or fills the disk, says which limit stopped it, and leaves the
grader's files as they were. The sandbox must be makeable here: where it is not, the
test fails with bubblewrap's reason (grading.sandbox.check_available), never skips."""
import hashlib
from pathlib import Path
from dataclasses import replace
import socket

import pytest

from grading import sandbox
from tools import toolchain

SPEC_HEAD = "from isr.spec import exception, irq\n"
LIMITS = sandbox.Limits(cpu_seconds=20, processes=64, disk=64 * sandbox.MB, file_size=32 * sandbox.MB,
                        wall_seconds=60)


@pytest.fixture
def tree(tmp_path):
    try:
        sandbox.check_available()
    except sandbox.SandboxUnavailable as error:
        pytest.fail(f"no sandbox can be made on this machine: {error}", pytrace=False)
    root = tmp_path / "tree"
    root.mkdir()
    toolchain.copy_sources(root)
    (root / "build").mkdir()
    return root


def digest(root):
    """One hash of every file outside build/: what the submission must not change."""
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "build" not in p.relative_to(root).parts):
        h.update(str(path.relative_to(root)).encode() + path.read_bytes())
    return h.hexdigest()


def generate(root, body, limits=LIMITS):
    """The riscv64 spec with body appended, generated in the sandbox."""
    spec = root / "isr" / "riscv64.py"
    spec.write_text(spec.read_text() + body)
    before = digest(root)
    outcome = sandbox.run(root, [sandbox.python(), "-m", "doit", "gen:riscv64"], limits)
    return outcome, before


def test_a_spec_cannot_read_outside_its_tree(tree, tmp_path):
    secret = tmp_path / "grader-tests" / "answers.txt"
    secret.parent.mkdir()
    secret.write_text("the-answer-key")
    outcome, before = generate(tree, f"print(open({str(secret)!r}).read())\n")
    assert not outcome.ok
    assert "FileNotFoundError" in outcome.output and "isr/riscv64.py" in outcome.output
    assert "the-answer-key" not in outcome.output
    assert digest(tree) == before


def test_a_spec_cannot_write_its_tree(tree):
    outcome, before = generate(tree, "open('kernel/main.c', 'w').write('gone')\n")
    assert not outcome.ok
    assert "Read-only file system" in outcome.output
    assert digest(tree) == before


def test_a_spec_has_no_network(tree):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(0)
        port = listener.getsockname()[1]
        outcome, _ = generate(tree, f"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=5)\n")
        with pytest.raises(BlockingIOError):
            listener.accept()                   # nothing reached the grader's side
    assert not outcome.ok
    assert "ConnectionRefusedError" in outcome.output or "Network is unreachable" in outcome.output


def test_a_fork_bomb_is_stopped(tree):
    outcome, before = generate(tree, "import os\nwhile True:\n    os.fork()\n", replace(LIMITS, wall_seconds=10))
    assert not outcome.ok
    assert outcome.stopped or "BlockingIOError" in outcome.output
    assert digest(tree) == before


def test_writing_a_gigabyte_is_stopped(tree):
    outcome, before = generate(tree, "with open('build/big', 'wb') as f:\n"
                                     "    for _ in range(1024):\n        f.write(bytes(1 << 20))\n")
    assert not outcome.ok
    assert "File too large" in outcome.output or "disk limit" in outcome.stopped
    assert (tree / "build" / "big").stat().st_size <= LIMITS.file_size
    assert digest(tree) == before


def test_a_spec_that_spins_is_stopped_by_the_cpu_limit(tree):
    outcome, _ = generate(tree, "while True:\n    pass\n", replace(LIMITS, cpu_seconds=3))
    assert not outcome.ok
    assert "CPU" in outcome.stopped or "time limit" in outcome.stopped or "CPU" in outcome.output


def test_a_spec_that_takes_all_memory_is_refused_it(tree):
    outcome, before = generate(tree, "hoard = bytearray(8 << 30)\n")
    assert not outcome.ok
    assert "MemoryError" in outcome.output and "isr/riscv64.py" in outcome.output
    assert digest(tree) == before


def test_the_venvs_own_python_is_bound_where_it_lies(tmp_path):
    """A venv's bin/python is a link to the Python it was made from: Debian's under /usr (bound
    with the system), or pyenv's or a built one elsewhere, whose prefix (its stdlib) is bound too.
    CI's python3 is pyenv's 3.11.7: without this its sandbox found no interpreter."""
    def venv_over(interpreter):
        venv = tmp_path / f"venv-{interpreter.parent.parent.name}"
        (venv / "bin").mkdir(parents=True)
        (venv / "bin" / "python").symlink_to(interpreter)
        return venv

    built = tmp_path / "versions" / "3.11.7"
    (built / "bin").mkdir(parents=True)
    (built / "bin" / "python3.11").write_text("")
    (built / "bin" / "python3").symlink_to("python3.11")
    assert sandbox._interpreter_binds(venv_over(built / "bin" / "python3")) == \
        ["--ro-bind", str(built.resolve()), str(built.resolve())]
    assert sandbox._interpreter_binds(venv_over(Path("/usr/bin/python3"))) == []
