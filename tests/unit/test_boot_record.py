"""Which earlier failed boot fails which later boot at once (qemu/boot_record.py)."""
import pytest

from qemu import boot_record
from tools import toolchain


@pytest.fixture
def run(monkeypatch, tmp_path):
    """A test run of its own, with build/ under tmp_path."""
    monkeypatch.setattr(toolchain, "build_dir", lambda arch: tmp_path / "build" / arch)
    monkeypatch.setenv(boot_record.RUN_ENV, "run-1")
    return tmp_path


def test_the_arch_s_own_kernel_failing_fails_every_kernel_of_the_arch(run):
    own = toolchain.kernel_elf("riscv64")
    boot_record.remember_failure("riscv64", own, None, "timed out waiting for 'riscv64> '")
    for elf, variant in ((own, None), (own, "el2"), (run / "variant" / "kernel.elf", None)):
        earlier = boot_record.earlier_failure("riscv64", elf, variant)
        assert earlier.startswith("the riscv64 kernel did not boot earlier in this run")
        # The record names the test whose boot failed first (pytest's PYTEST_CURRENT_TEST).
        assert "test_boot_record.py::test_the_arch_s_own_kernel_failing_fails_every_kernel_of_the_arch:\n" \
               "timed out waiting for 'riscv64> '" in earlier
    assert boot_record.earlier_failure("x86_64", toolchain.kernel_elf("x86_64")) is None


def test_another_kernel_failing_fails_only_itself(run):
    variant = run / "without-timer" / "kernel.elf"
    boot_record.remember_failure("riscv64", variant, None, "QEMU exited")
    assert f"{variant} on riscv64 did not boot earlier" in boot_record.earlier_failure("riscv64", variant)
    assert boot_record.earlier_failure("riscv64", toolchain.kernel_elf("riscv64")) is None
    assert boot_record.earlier_failure("riscv64", run / "without-uart" / "kernel.elf") is None
    # Another arch's kernel on this machine is "another kernel" too.
    boot_record.remember_failure("x86_64", toolchain.kernel_elf("riscv64"), None, "no prompt")
    assert boot_record.earlier_failure("x86_64", toolchain.kernel_elf("x86_64")) is None


def test_a_launch_variant_failing_fails_only_that_variant(run):
    own = toolchain.kernel_elf("aarch64")
    boot_record.remember_failure("aarch64", own, "el2", "no prompt")
    assert "the aarch64 kernel (el2) did not boot" in boot_record.earlier_failure("aarch64", own, "el2")
    assert boot_record.earlier_failure("aarch64", own) is None


def test_the_first_diagnosis_stays_and_no_partial_file_is_left(run):
    own = toolchain.kernel_elf("avr")
    boot_record.remember_failure("avr", own, None, "first")
    boot_record.remember_failure("avr", own, None, "second")
    assert boot_record.earlier_failure("avr", own).endswith("first")
    assert [p.name for p in (run / "build" / "avr" / "runs" / "run-1").iterdir()] == ["boot-failed-kernel.txt"]


def test_outside_a_test_run_nothing_is_remembered(run, monkeypatch):
    monkeypatch.delenv(boot_record.RUN_ENV)
    boot_record.remember_failure("x86_64", toolchain.kernel_elf("x86_64"), None, "no prompt")
    assert boot_record.earlier_failure("x86_64", toolchain.kernel_elf("x86_64")) is None
    assert not (run / "build").exists()
