"""What a failing QEMU test prints, seen from outside: a pytest run of small
tests written here, each failing in one of the ways a real one does."""
import subprocess
import sys

from tests.conftest import ROOT

FAILING_TESTS = '''
import pytest
from tests.qemu.scenarios import assert_trap


def test_a_scenario_assert_says_expected_and_got(boot_console, x86_64_kernel):
    console = boot_console("x86_64", x86_64_kernel)
    assert_trap(console, "bp", 3, "#BP", "stub", "-", {}, "resume")      # the spec says abi


@pytest.fixture
def booted(boot_console, x86_64_kernel):
    return boot_console("x86_64", x86_64_kernel)


# func_only: the 3 s are the hang's alone, not the boot's, which a loaded host may stretch.
@pytest.mark.timeout(3, func_only=True)
@pytest.mark.realtime                # under -icount the guest would sleep a minute in no time
def test_a_hang_is_cut_by_the_timeout_with_the_transcript(booted):
    booted.run("sleep 60000", timeout=60)


def test_a_kernel_that_cannot_boot(boot_console, kernel):
    boot_console("x86_64", kernel("riscv64"))


def test_the_same_kernel_again_fails_at_once(boot_console, kernel):
    boot_console("x86_64", kernel("riscv64"))
'''


def run_failing_tests(tmp_path):
    (tmp_path / "test_failing.py").write_text(FAILING_TESTS)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", "-p", "tests.qemu.conftest",
                             "-p", "no:cacheprovider", "-o", "addopts=", "--rootdir", str(tmp_path),
                             str(tmp_path / "test_failing.py")],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    return result.stdout


def section(output, test):
    """One test's failure report: up to the next test's header or the summary's ==== line."""
    start = output.index(f"_ {test} _")
    ends = [end for end in (output.find("\n____", start + 1), output.find("\n====", start + 1)) if end != -1]
    return output[start:min(ends, default=len(output))]


def test_failure_reports(tmp_path, kernel, boot_console):
    boot_console("x86_64", kernel("x86_64")).close()     # the failures below must be the intended ones
    kernel("riscv64")
    output = run_failing_tests(tmp_path)
    assert "4 failed" in output, output[-3000:]

    scenario = section(output, "test_a_scenario_assert_says_expected_and_got")
    assert "'abi'" in scenario and "'stub'" in scenario, "the rewritten assert shows both values"
    assert "guest 0 (x86_64)" in scenario and "trap bp: resumed" in scenario   # the transcript
    assert "--- registers ---" in scenario and "PC 0x" in scenario

    hang = section(output, "test_a_hang_is_cut_by_the_timeout_with_the_transcript")
    assert "Timeout" in hang and "sleep 60000" in hang

    first = section(output, "test_a_kernel_that_cannot_boot")
    again = section(output, "test_the_same_kernel_again_fails_at_once")
    assert "while waiting for 'x86_64>" in first
    assert "did not boot earlier in this run" in again and "test_a_kernel_that_cannot_boot" in again
    assert "Traceback" not in again and len(again.splitlines()) < len(first.splitlines()) + 10
