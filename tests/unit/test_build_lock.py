"""The build lock waits a bounded time and names who holds it."""
import fcntl
import os

import pytest

from tests import build_lock


def test_a_waiter_gives_up_naming_the_holder(tmp_path, monkeypatch):
    path = tmp_path / "lock"
    monkeypatch.setattr(build_lock, "LOCK_PATH", path)
    holder = os.open(path, os.O_RDWR | os.O_CREAT)
    build_lock.acquire(holder, "building x86_64")
    waiter = os.open(path, os.O_RDWR)
    try:
        with pytest.raises(build_lock.LockTimeout, match=rf"held by pid {os.getpid()} \(building x86_64\)"):
            build_lock.acquire(waiter, "another build", wait=0.3)
    finally:
        os.close(waiter)
        os.close(holder)


def test_the_lock_is_free_again_once_the_holder_closes(tmp_path):
    path = tmp_path / "lock"
    first = os.open(path, os.O_RDWR | os.O_CREAT)
    build_lock.acquire(first, "first")
    os.close(first)
    second = os.open(path, os.O_RDWR)
    build_lock.acquire(second, "second", wait=0.3)
    fcntl.flock(second, fcntl.LOCK_UN)
    os.close(second)
