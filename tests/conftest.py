"""Fixtures shared by every test layer: the repository on sys.path, built kernels, QEMU consoles."""
import os
import re
import shutil
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# pytest rewrites `assert` only in test modules and conftests: these helper
# modules hold the scenarios' assertions, whose failures must say expected/got.
pytest.register_assert_rewrite("tests.qemu.scenarios", "tests.qemu.report")

from qemu import boot_record  # noqa: E402
from qemu.console import Console  # noqa: E402
from qemu.profiles import profile  # noqa: E402
from tests import on_board  # noqa: E402
from tests.build_lock import build_kernel  # noqa: E402,F401 (kept importable from here)
from tools import compiler_cache, toolchain  # noqa: E402

# Guest time from the instruction count (2**0 ns per instruction) while the
# guest runs, host time while it idles (qemu/launcher.py): a timer fires after
# an exact number of instructions, so `sleep MS` takes exactly MS * Hz / 1000
# ticks. A test that measures host time opts out with @pytest.mark.realtime.
ICOUNT_SHIFT = 0
# Transcripts of this many runs stay under build/<arch>/runs/; older ones go.
RUNS_KEPT = 5
RUN_ID = re.compile(r"[0-9a-f]{12}")     # the name of a run's folder (pytest_configure)


def pytest_configure(config):
    config.addinivalue_line("markers", "realtime: boot without -icount (guest time is host time)")
    config.addinivalue_line("markers", "console_allows(*names): bad console patterns (qemu/watch.py) "
                                       "this test expects")
    config.addinivalue_line("markers", "emulator_only(*witnesses): needs what only an emulator has (QMP, "
                                       "the -d int log, the TCG plugin, -icount, a variant machine): "
                                       "deselected on a board (tests/on_board.py)")
    # One id per run, shared by the xdist workers: each run keeps its own
    # transcripts, and a kernel that failed to boot is remembered run-wide.
    worker_input = getattr(config, "workerinput", None)
    config.run_id = (worker_input["testrunuid"] if worker_input else uuid.uuid4().hex)[:12]
    os.environ[boot_record.RUN_ENV] = config.run_id        # inherited by every process a test starts
    compiler_cache.share(ROOT)      # one ccache for the builds in this checkout and in its copies
    if worker_input is None:
        prune_old_runs()


def pytest_collection_modifyitems(config, items):
    on_board.deselect_what_needs_the_emulator(config, items)


def pytest_report_collectionfinish(config):
    return on_board.report_what_was_deselected(config)


def pytest_collection_finish(session):
    on_board.lease_places(session.config, worker_folder("labgrid", session.config.run_id))


def pytest_sessionfinish(session):
    on_board.end_leases(session.config)


@pytest.hookimpl(optionalhook=True)        # xdist's hook: unknown under -p no:xdist
def pytest_testnodedown(node, error):
    on_board.pass_on_from_a_worker(node.config, node)


def pytest_terminal_summary(terminalreporter, config):
    on_board.report_leases(config, terminalreporter)


def prune_old_runs():
    """Keep the newest RUNS_KEPT run folders per arch (a run still going has the
    newest). Only run folders: a tool's own folder (reports.cost's cost-gcc,
    reports.explain's explain) may be in use, by a run that started this one
    (tests/qemu/test_failure_reports.py runs pytest inside pytest)."""
    for runs in (ROOT / "build").glob("*/runs"):
        folders = sorted((p for p in runs.iterdir() if p.is_dir() and RUN_ID.fullmatch(p.name)),
                         key=lambda p: p.stat().st_mtime)
        for old in folders[:-RUNS_KEPT]:
            shutil.rmtree(old, ignore_errors=True)


@pytest.fixture(scope="session")
def run_id(request):
    return request.config.run_id


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


def fail_if_it_did_not_boot(arch, elf=None, variant=None):
    """Fail at once, with the first diagnosis, if this kernel (the arch's own by
    default) already failed to boot in this run (qemu/boot_record.py)."""
    earlier = boot_record.earlier_failure(arch, elf or toolchain.kernel_elf(arch), variant)
    if earlier:
        pytest.fail(earlier, pytrace=False)


def worker_folder(arch, run_id):
    """build/<arch>/runs/<run>/<xdist worker>/: where this process keeps its transcripts."""
    return toolchain.build_dir(arch) / "runs" / run_id / os.environ.get("PYTEST_XDIST_WORKER", "main")


def file_name(node):
    """A test's name as a file name (its parameters kept, their punctuation replaced)."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", node.name)


@pytest.fixture
def run_folder(request, run_id):
    """run_folder(arch) -> this test's own folder under build/<arch>/runs/<run>/<worker>/,
    for tools that keep transcripts (reports.cost): no other test or run writes there."""
    return lambda arch: worker_folder(arch, run_id) / file_name(request.node)


@pytest.fixture
def boot_console(request, run_id):
    """A factory: boot_console(arch, elf, variant=None, icount=..., allow=()) -> Console at its
    first prompt, stopped at teardown. Once a kernel fails to boot in this run, every later
    boot of it fails at once with that first diagnosis (qemu/boot_record.py)."""
    consoles = []
    request.node.consoles = consoles             # for the failure report (tests/qemu/conftest.py)
    name = file_name(request.node)
    allowed = [n for mark in request.node.iter_markers("console_allows") for n in mark.args]
    default_icount = None if request.node.get_closest_marker("realtime") else ICOUNT_SHIFT

    def start(arch, elf, variant=None, icount=default_icount, allow=()):
        if not profile(arch).icount:
            icount = None
        fail_if_it_did_not_boot(arch, elf, variant)      # before QEMU starts: a short report
        if on_board.lab_env(request.config) is not None:     # pytest --lg-env: a board, not QEMU
            console = on_board.board_console(request.config, arch, elf, variant, worker_folder(arch, run_id),
                                             f"{name}-{len(consoles)}", list(allowed) + list(allow))
        else:
            console = Console(arch, elf, worker_folder(arch, run_id), f"{name}-{len(consoles)}", variant=variant,
                              icount=icount, allow=list(allowed) + list(allow))
        consoles.append(console)
        console.banner = console.boot()
        return console

    yield start
    for console in consoles:
        console.close()
