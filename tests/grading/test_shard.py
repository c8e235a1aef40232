"""--shard K/N (grading/shard.py): every test in exactly one shard, the same split every run."""
import re
import subprocess
import sys

import pytest

from grading.shard import parse, shard_of
from tools.toolchain import ROOT

SUITE = '''
import pytest

@pytest.mark.parametrize("n", range(40))
def test_one(n):
    pass

class TestMore:
    def test_two(self):
        pass
'''


def collected(folder, *args):
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "grading.shard",
                           "-p", "no:cacheprovider", "test_suite.py", *args], cwd=folder, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return [line for line in done.stdout.splitlines() if "::" in line]


@pytest.fixture
def suite(tmp_path):
    (tmp_path / "test_suite.py").write_text(SUITE)
    return tmp_path


def test_three_shards_cover_a_suite_once(suite):
    everything = collected(suite)
    assert len(everything) == 41
    shards = [collected(suite, "--shard", f"{k}/3") for k in (1, 2, 3)]
    together = [test for shard in shards for test in shard]
    assert sorted(together) == sorted(everything)          # each test once, none lost
    assert all(shards)                                       # no empty shard among three
    for k, shard in enumerate(shards, 1):                    # the split is the node id's hash, not the run's
        assert all(shard_of(test, 3) == k for test in shard)


def test_the_same_shard_twice_is_the_same(suite):
    assert collected(suite, "--shard", "2/4") == collected(suite, "--shard", "2/4")


@pytest.mark.parametrize("text", ["3", "0/2", "3/2", "a/b"])
def test_bad_shards_are_refused(text):
    with pytest.raises(pytest.UsageError, match=re.escape(f"--shard {text}")):
        parse(text)
