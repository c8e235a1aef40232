"""Build a kernel through doit, one process at a time, waiting a bounded time for the others.

xdist workers (and a second pytest run in the same checkout) share build/: the
lock file lets one doit run at a time. The holder writes who it is into the
lock file, so a waiter that gives up can name it.
"""
import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tools import toolchain

ROOT = Path(__file__).resolve().parent.parent
LOCK_PATH = ROOT / "build" / ".build.lock"
# A clean build of one arch takes seconds on this 2-core machine; a minute
# of some other build is normal, five is a holder that is stuck.
LOCK_WAIT = 300.0
POLL = 0.1


class LockTimeout(Exception):
    pass


def _holder(fd):
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 4096).decode(errors="replace").strip() or "(a process that wrote no name)"


def acquire(fd, what, wait=LOCK_WAIT):
    """flock fd, polling until wait seconds have passed; then write who holds it."""
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise LockTimeout(f"waited {wait:.0f}s for the build lock {LOCK_PATH}, held by "
                                  f"{_holder(fd)}") from None
            time.sleep(POLL)
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, f"pid {os.getpid()} ({what}), since {time.strftime('%H:%M:%S')}".encode())


def build_kernel(arch, wait=LOCK_WAIT):
    """Run doit's build and check for arch; return the ELF's path."""
    LOCK_PATH.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(LOCK_PATH, os.O_RDWR | os.O_CREAT, 0o644)     # not "w": that would erase the holder's name
    try:
        try:
            acquire(fd, f"pytest building {arch}", wait)
        except LockTimeout as error:
            pytest.fail(str(error), pytrace=False)
        result = subprocess.run([sys.executable, "-m", "doit", "-f", str(ROOT / "dodo.py"),
                                 f"build-{arch}", f"check-{arch}"],
                                cwd=ROOT, capture_output=True, text=True)
    finally:
        os.close(fd)                                         # releases the lock
    if result.returncode != 0:
        pytest.fail(f"doit build-{arch} check-{arch} failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return toolchain.kernel_elf(arch)
