"""QEMU-layer fixtures, and the failure report every QEMU test gets."""
import pytest

from isr import arches
from isr.load import arch_model
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


def _console_fixture(arch):
    """The fixture that boots arch's kernel and gives its console at the prompt,
    under the arch's own short name (isr/arch_<arch>/testing.py CONSOLE_FIXTURE)."""
    def booted(boot_console, kernel):
        return boot_console(arch, kernel(arch))
    booted.__doc__ = f"A booted {arch} guest at its prompt."
    return pytest.fixture(name=arch_model(arch).testing.CONSOLE_FIXTURE)(booted)


# One per arch: x86, a64, rv, cm, a32, avr, msp, ... (pytest finds them among the module's names).
for _arch in arches.names():
    globals()[f"booted_{_arch.replace('-', '_')}"] = _console_fixture(_arch)
