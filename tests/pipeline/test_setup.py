"""tools/setup, the first half of both README commands: silent when all is there,
the exact apt-get command when it may not install, and a project venv made from
whichever python3 is on PATH: Debian's own (externally managed) or another."""
import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

from tools import toolchain

SETUP = toolchain.ROOT / "tools" / "setup"
DEBIAN_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"
DEBIAN_PYTHON = Path("/usr/bin/python3")
# avr-libc is known by a file it installs, not a command, so a bare PATH does not
# hide it: it is asked for only where its headers are really missing.
AVR_LIBC = "" if Path("/usr/lib/avr/include/avr/io.h").exists() else " avr-libc"
MSP430MCU = "" if Path("/usr/msp430/include/msp430.h").exists() else " msp430mcu"     # the same: headers
EVERY_PACKAGE = ("qemu-system-x86 qemu-system-arm qemu-system-misc gdb-multiarch clang lld llvm gdb "
                 f"python3 chromium gcc-avr binutils-avr gdb-avr{AVR_LIBC} mspdebug{MSP430MCU} "
                 "gcc gcc-riscv64-unknown-elf gcc-arm-none-eabi gcc-aarch64-linux-gnu bubblewrap ccache python3-venv")


def run_setup(tree, path, timeout=300):
    return subprocess.run(["bash", str(tree / "tools" / "setup")], capture_output=True, text=True,
                          env={"PATH": path, "HOME": os.environ.get("HOME", "/root")}, timeout=timeout)


def fake_bin(tmp_path, uid, real=("bash", "dirname"), scripts=None):
    """A folder of commands: links to the real `real` ones, an `id` that says uid, and scripts."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in real:
        os.symlink(shutil.which(tool), bin_dir / tool)
    for name, body in {"id": f"echo {uid}", **(scripts or {})}.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_dir / name).chmod(0o755)
    return bin_dir


@pytest.fixture
def checkout(tmp_path):
    """A fresh copy of what a clone holds, without .venv or build/."""
    tree = tmp_path / "repo"
    tree.mkdir()
    toolchain.copy_sources(tree)
    shutil.copy(toolchain.ROOT / "requirements.txt", tree)
    return tree


def assert_venv_works(tree):
    python = tree / ".venv" / "bin" / "python"
    imported = subprocess.run([str(python), "-c", "import doit, elftools, pexpect, pytest, xdist"],
                              capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    tasks = subprocess.run([str(python), "-m", "doit", "list"], cwd=tree, capture_output=True, text=True)
    assert tasks.returncode == 0 and "boot-x86_64" in tasks.stdout, tasks.stdout + tasks.stderr


def test_costs_nothing_when_everything_is_installed():
    """This checkout, as the README's command leaves it. A venv filled from an
    older requirements.txt is not that state, and setup would refill the venv
    this test runs in: say so instead."""
    installed = toolchain.ROOT / ".venv" / "requirements.installed"
    assert installed.exists() and installed.read_bytes() == (toolchain.ROOT / "requirements.txt").read_bytes(), \
        "this checkout's .venv was filled from another requirements.txt: run tools/setup, then the tests"
    result = subprocess.run([str(SETUP)], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_not_as_root_it_prints_the_command_for_what_is_missing(checkout, tmp_path):
    """A PATH with nothing on it but bash, dirname and an `id` that says uid 1000."""
    bin_dir = fake_bin(tmp_path, uid=1000)
    result = run_setup(checkout, str(bin_dir), timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "setup: missing Debian packages; run:",
        f"  sudo apt-get update && sudo apt-get install -y --no-install-recommends {EVERY_PACKAGE}",
    ]


def test_as_root_it_asks_apt_get_for_exactly_what_is_missing(checkout, tmp_path):
    """apt-get is a fake that logs its arguments and fails the install, as a broken mirror would."""
    log = tmp_path / "apt.log"
    bin_dir = fake_bin(tmp_path, uid=0, scripts={
        "apt-get": f'echo "$*" >> {log}\ncase "$1" in install) exit 100;; esac',
    })
    result = run_setup(checkout, str(bin_dir), timeout=60)
    assert result.returncode == 100, result.stderr
    assert log.read_text().splitlines() == [
        "update -qq",
        f"install -y -qq --no-install-recommends {EVERY_PACKAGE}",
    ]


def test_a_python3_without_venv_that_apt_cannot_mend_is_named(checkout, tmp_path):
    """Not Debian's python3 (it is not under /usr/bin), and it cannot import venv."""
    bin_dir = fake_bin(tmp_path, uid=1000, scripts={"python3": "exit 1"})
    result = run_setup(checkout, f"{bin_dir}:{DEBIAN_PATH}", timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"setup: {bin_dir}/python3 cannot make a virtual environment (no venv or ensurepip module);")


def test_debian_python3_gets_a_venv_without_root(checkout, tmp_path):
    """Debian's own python3 refuses `pip install` (PEP 668); setup never asks it to."""
    stdlib = subprocess.run([str(DEBIAN_PYTHON), "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
                            capture_output=True, text=True, check=True).stdout.strip()
    assert (Path(stdlib) / "EXTERNALLY-MANAGED").exists(), f"{DEBIAN_PYTHON} is not Debian's externally managed python3"

    path = f"{fake_bin(tmp_path, uid=1000, real=())}:{DEBIAN_PATH}"
    first = run_setup(checkout, path)
    assert first.returncode == 0, first.stderr
    assert "home = /usr/bin" in (checkout / ".venv" / "pyvenv.cfg").read_text()
    assert_venv_works(checkout)

    again = run_setup(checkout, path, timeout=60)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")


def test_another_python3_gets_a_venv_as_root(checkout, tmp_path):
    """python3 on PATH is a virtual environment's (not externally managed), as root."""
    other = tmp_path / "other-python"
    subprocess.run([sysconfig.get_config_var("BINDIR") + "/python3", "-m", "venv", "--without-pip", str(other)],
                   check=True)
    path = f"{fake_bin(tmp_path, uid=0, real=())}:{other / 'bin'}:{DEBIAN_PATH}"
    first = run_setup(checkout, path)
    assert first.returncode == 0, first.stderr
    assert f"with {other / 'bin' / 'python3'}" in first.stderr
    assert_venv_works(checkout)

    # A changed requirements.txt is installed again, and only then.
    (checkout / "requirements.txt").write_text((checkout / "requirements.txt").read_text() + "\n")
    changed = run_setup(checkout, path)
    assert changed.returncode == 0 and "installing Python packages" in changed.stderr, changed.stderr
    again = run_setup(checkout, path, timeout=60)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
