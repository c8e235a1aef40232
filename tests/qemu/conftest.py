"""QEMU-layer fixtures, and the failure report every QEMU test gets."""
import pytest

from qemu.console import ConsoleError
from tests.conftest import fail_if_it_did_not_boot

# A wall-clock limit for the body of each QEMU test (pytest-timeout): a test
# needs seconds; a guest that hangs must not cost minutes. Fixtures are left
# out (func_only): the first test of a worker builds kernels, which may wait
# for the build lock (bounded itself, tests/build_lock.py), and a boot has
# its own limit (Console's timeout).
QEMU_TEST_TIMEOUT = 60


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/qemu/" in item.nodeid and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(QEMU_TEST_TIMEOUT, func_only=True))


@pytest.fixture(autouse=True)
def _the_arch_boots(request):
    """A test of an arch whose kernel failed to boot earlier in this run fails at
    once with that first diagnosis, however it would boot (a Console, doit, GDB,
    reports.cost): it would only wait out its own limit to say less."""
    callspec = getattr(request.node, "callspec", None)
    arch = callspec.params.get("arch") if callspec else None
    if arch:
        fail_if_it_did_not_boot(arch)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On any failure of a test that booted a guest (a plain assert, a
    scenario's assert, a pytest-timeout), add what each guest showed: the
    transcript tail, QEMU's decoded log, the registers. A ConsoleError
    carries them already."""
    outcome = yield
    report = outcome.get_result()
    consoles = getattr(item, "consoles", ())
    if report.when != "call" or not report.failed or not consoles:
        return
    if call.excinfo is not None and call.excinfo.errisinstance(ConsoleError):
        return
    for i, console in enumerate(consoles):
        report.sections.append((f"guest {i} ({console.profile.arch})", console.diagnosis()))


@pytest.fixture
def x86(boot_console, x86_64_kernel):
    """A booted x86_64 guest at its prompt."""
    return boot_console("x86_64", x86_64_kernel)


@pytest.fixture
def a64(boot_console, aarch64_kernel):
    """A booted aarch64 guest at its prompt."""
    return boot_console("aarch64", aarch64_kernel)


@pytest.fixture
def rv(boot_console, kernel):
    """A booted riscv64 guest at its prompt."""
    return boot_console("riscv64", kernel("riscv64"))


@pytest.fixture
def cm(boot_console, cortex_m_kernel):
    """A booted cortex-m guest (mps2-an385) at its prompt."""
    return boot_console("cortex-m", cortex_m_kernel)


@pytest.fixture
def a32(boot_console, kernel):
    """A booted arm32 guest (virt, Cortex-A15, AArch32) at its prompt."""
    return boot_console("arm32", kernel("arm32"))


@pytest.fixture
def avr(boot_console, kernel):
    """A booted avr guest (QEMU mega2560) at its prompt."""
    return boot_console("avr", kernel("avr"))


@pytest.fixture
def msp(boot_console, kernel):
    """A booted msp430 guest (MSP430F1611 under mspdebug's sim) at its prompt."""
    return boot_console("msp430", kernel("msp430"))
