"""Fixtures shared by every test layer: the repository on sys.path, built kernels, QEMU consoles."""
import fcntl
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qemu.console import Console  # noqa: E402
from tools import toolchain  # noqa: E402


def build_kernel(arch):
    """Run doit's build and check for arch, one process at a time (xdist workers share build/)."""
    lock_path = ROOT / "build" / ".build.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = subprocess.run([sys.executable, "-m", "doit", "-f", str(ROOT / "dodo.py"),
                                 f"build-{arch}", f"check-{arch}"],
                                cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"doit build-{arch} check-{arch} failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return toolchain.build_dir(arch) / "kernel.elf"


@pytest.fixture(scope="session")
def kernel():
    """kernel(arch) -> path of the built and checked ELF, built once per test process."""
    built = {}

    def get(arch):
        if arch not in built:
            built[arch] = build_kernel(arch)
        return built[arch]
    return get


@pytest.fixture(scope="session")
def x86_64_kernel(kernel):
    return kernel("x86_64")


@pytest.fixture(scope="session")
def aarch64_kernel(kernel):
    return kernel("aarch64")


@pytest.fixture(scope="session")
def cortex_m_kernel(kernel):
    return kernel("cortex-m")


@pytest.fixture
def boot_console(request):
    """A factory: boot_console(arch, elf, variant=None) -> Console at its first prompt, killed at teardown."""
    consoles = []
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)

    def start(arch, elf, variant=None):
        run_dir = toolchain.build_dir(arch) / "runs" / worker
        console = Console(arch, elf, run_dir, f"{name}-{len(consoles)}", variant=variant)
        consoles.append(console)
        console.banner = console.boot()
        return console

    yield start
    for console in consoles:
        console.close()
