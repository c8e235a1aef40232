"""A spec that ends the Python process must still fail the build, loudly (issue 14)."""
import subprocess
import sys

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
