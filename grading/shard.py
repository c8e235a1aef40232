"""pytest --shard K/N: run the K-th of N shards of the suite (K from 1).

A test's shard is a hash of its node id (its path from the rootdir, function
and parameters), so the split is the same on every machine and in every run,
and each test is in exactly one shard; a test added or removed moves no other.
Loaded by pytest.ini (-p grading.shard)."""
import hashlib

import pytest


def parse(text):
    """'K/N' -> (K, N), or a UsageError that says the form."""
    try:
        k, n = (int(part) for part in text.split("/"))
    except ValueError:
        raise pytest.UsageError(f"--shard {text}: write K/N, two whole numbers, e.g. --shard 2/4") from None
    if not 1 <= k <= n:
        raise pytest.UsageError(f"--shard {text}: K must be between 1 and N")
    return k, n


def shard_of(nodeid, n):
    """The shard (1..n) of a test, from its node id alone."""
    return int.from_bytes(hashlib.sha256(nodeid.encode()).digest()[:8], "big") % n + 1


def pytest_addoption(parser):
    parser.addoption("--shard", metavar="K/N", help="run only the K-th of N shards of the tests (a reproducible "
                                                    "split by test id: grading at scale, CI matrices)")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    if not config.getoption("shard"):
        return
    k, n = parse(config.getoption("shard"))
    kept = [item for item in items if shard_of(item.nodeid, n) == k]
    config.hook.pytest_deselected(items=[item for item in items if shard_of(item.nodeid, n) != k])
    items[:] = kept
