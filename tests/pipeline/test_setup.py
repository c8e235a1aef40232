"""tools/setup, the first half of both README commands: silent when all is there,
the exact apt-get command when it may not install."""
import os
import shutil
import subprocess

from tools import toolchain

SETUP = toolchain.ROOT / "tools" / "setup"


def test_costs_nothing_when_everything_is_installed():
    result = subprocess.run([str(SETUP)], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_not_as_root_it_prints_the_command_for_what_is_missing(tmp_path):
    """A PATH with nothing on it but bash, dirname and an `id` that says uid 1000."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "dirname"):
        os.symlink(shutil.which(tool), bin_dir / tool)
    fake_id = bin_dir / "id"
    fake_id.write_text("#!/bin/sh\necho 1000\n")
    fake_id.chmod(0o755)
    result = subprocess.run([str(bin_dir / "bash"), str(SETUP)], capture_output=True, text=True,
                            env={"PATH": str(bin_dir)}, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "setup: missing Debian packages; run:",
        "  sudo apt-get update && sudo apt-get install -y --no-install-recommends "
        "qemu-system-x86 qemu-system-arm qemu-system-misc gdb-multiarch clang lld llvm gdb",
    ]
