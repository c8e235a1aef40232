"""A doit run that is killed or interrupted leaves a tree the next run builds
from: state in SQLite (transactional), no stale clang temporaries, and one
line instead of a traceback on Ctrl-C."""
import os
import re
import signal
import subprocess
import sys

import pytest

from tools import toolchain

from tests.pipeline.test_incremental import EVERY_TASK, doit, run_doit


def start_doit(tree):
    """doit in its own process group, as a terminal would run it; stdout line by line."""
    return subprocess.Popen([sys.executable, "-m", "doit", EVERY_TASK], cwd=tree, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def stop_at_task(process, count, sig):
    """Send sig to doit's whole group once it has started its count-th task."""
    started = 0
    for line in process.stdout:
        started += line.startswith(".  ")
        if started >= count:
            os.killpg(process.pid, sig)
            break
    _, stderr = process.communicate(timeout=120)
    return stderr


@pytest.fixture
def fresh_tree(tmp_path):
    toolchain.copy_sources(tmp_path)
    return tmp_path


def test_a_doit_stopped_mid_run_leaves_state_the_next_run_uses(fresh_tree):
    """Ctrl-C, then SIGKILL at later and later task boundaries (state written
    or not), in one tree: each stop is quick to say so, the next full run
    succeeds without a traceback, and the one after that does nothing. One
    tree for all: each run goes on where the last one stopped."""
    stderr = stop_at_task(start_doit(fresh_tree), 3, signal.SIGINT)
    assert "Traceback" not in stderr and "interrupted" in stderr, stderr
    for count in (1, 6, 20):
        stderr = stop_at_task(start_doit(fresh_tree), count, signal.SIGKILL)
        assert "Traceback" not in stderr, stderr
    result = run_doit(fresh_tree)
    assert result.returncode == 0 and "Traceback" not in result.stdout + result.stderr, result.stderr
    assert doit(fresh_tree) == []


def test_a_stale_clang_temporary_is_removed_by_the_next_compile(fresh_tree):
    """clang renames <name>-<random>.o.tmp onto <name>.o; killed before the
    rename, the temporary stays. The next compile of that object removes it."""
    source = "kernel/printf.c"
    obj = toolchain.object_path("x86_64", source)
    obj = fresh_tree / obj.relative_to(toolchain.ROOT)
    obj.parent.mkdir(parents=True)
    stale = obj.parent / "printf.c-0badcafe.o.tmp"
    stale.write_bytes(b"half an object")
    doit(fresh_tree, "build-x86_64")
    assert not stale.exists()
    assert not [p for p in fresh_tree.rglob("*.tmp")], "no temporaries after a whole build"
    assert re.search(r"\.o$", obj.name)
