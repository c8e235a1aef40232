"""A spec that ends the Python process must still fail the build, loudly (issues 14 and 22)."""
import subprocess
import sys

import pytest

from tools import toolchain


def test_a_spec_that_calls_sys_exit_fails_doit_and_writes_nothing(tmp_path):
    """sys.exit(0) inside the spec used to make doit exit 0 having built nothing."""
    toolchain.copy_sources(tmp_path)
    spec = tmp_path / "isr" / "riscv64.py"
    spec.write_text("import sys\nsys.exit(0)\n" + spec.read_text())
    result = subprocess.run([sys.executable, "-m", "doit", "gen:riscv64"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "isr/riscv64.py:2: the spec calls sys.exit(0)" in result.stderr
    assert not (tmp_path / "build" / "riscv64" / "gen" / "manifest.json").exists()


@pytest.mark.parametrize("ending, message", [
    ("import os\nos._exit(0)\n", "isr/riscv64.py:2: the spec ended the Python process that ran it (exit status 0)"),
    ("raise KeyboardInterrupt\n", "isr/riscv64.py:1: the spec raises KeyboardInterrupt, which stops whatever runs it"),
])
def test_a_spec_that_ends_its_process_fails_doit_and_writes_nothing(tmp_path, ending, message):
    """os._exit(0) in the spec used to end doit with status 0 and nothing generated; a raised
    KeyboardInterrupt gave a traceback (issue 22). The spec now runs in a child Python."""
    toolchain.copy_sources(tmp_path)
    spec = tmp_path / "isr" / "riscv64.py"
    spec.write_text(ending + spec.read_text())
    result = subprocess.run([sys.executable, "-m", "doit", "gen:riscv64"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    gen = tmp_path / "build" / "riscv64" / "gen"
    assert not gen.exists() or not any(gen.iterdir())
