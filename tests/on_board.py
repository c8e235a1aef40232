"""The suite on boards: `pytest --lg-env ENV.yaml` runs the target tests against labgrid places.

labgrid's pytest plugin (installed with labgrid) reads --lg-env; this module
makes the suite use it:
- boot_console (tests/conftest.py) boots the env's target named after the
  arch (`targets: avr:` ...) through its boards.strategy.KernelStrategy and
  hands the test a qemu.target.BoardConsole instead of a local emulator;
- once the tests are collected, the places of the targets they boot are
  leased (boards.lease: a reservation that waits its turn, then acquire; at
  the end release and cancel). Two test processes wanting one place therefore run
  one after the other, never on it together, whoever they run as;
- at collection, a test that cannot run on a board is deselected, and the list
  with the reason is printed: it needs an emulator-only witness
  (@pytest.mark.emulator_only), it boots no target (ELF, unit and pipeline
  tests, tests that start an emulator themselves), or the env has no target
  for its arch.
"""
import os
from pathlib import Path

import pytest

from boards.lease import PlaceLease, remote_place
from qemu.target import BoardConsole

# The fixtures of tests/qemu/conftest.py that boot one arch each, and their arch.
ARCH_OF_FIXTURE = {"x86": "x86_64", "a64": "aarch64", "rv": "riscv64", "cm": "cortex-m",
                   "a32": "arm32", "avr": "avr", "msp": "msp430"}


def lab_env(config):
    """The labgrid Environment of --lg-env (or LG_ENV), or None: the suite runs on emulators."""
    from labgrid.pytestplugin.hooks import LABGRID_ENV_KEY
    return config.stash.get(LABGRID_ENV_KEY, None)


def arch_of(item):
    """The arch a test boots, when its parameters or fixtures say it; else None."""
    callspec = getattr(item, "callspec", None)
    if callspec and "arch" in callspec.params:
        return callspec.params["arch"]
    for fixture, arch in ARCH_OF_FIXTURE.items():
        if fixture in item.fixturenames:
            return arch
    return None


def why_not_on_a_board(item, targets, env_file):
    """A reason this test cannot run against the env's targets, or None."""
    marker = item.get_closest_marker("emulator_only")
    if marker:
        return f"needs the emulator's {', '.join(marker.args)}"
    if "boot_console" not in item.fixturenames:
        return "boots no target (an ELF, unit or pipeline test, or one that starts its emulator itself)"
    arch = arch_of(item)
    if arch is not None and arch not in targets:
        return f"{env_file} has no target for {arch}"
    return None


def deselect_what_needs_the_emulator(config, items):
    """pytest_collection_modifyitems on a board: drop and remember what cannot run there."""
    env = lab_env(config)
    if env is None:
        return
    targets = set(env.config.get_targets())
    kept, dropped = [], []
    for item in items:
        reason = why_not_on_a_board(item, targets, env.config_file)
        (dropped if reason else kept).append((item, reason))
    if dropped:
        config.hook.pytest_deselected(items=[item for item, _ in dropped])
        items[:] = [item for item, _ in kept]
    # The places to lease once collection ends: all at once, since labgrid's client session,
    # once open, may not yet know of a place acquired later (labgrid/remote/client.py).
    arches = {arch_of(item) for item, _ in kept}
    config.board_arches = targets if None in arches else arches
    config.deselected_on_a_board = [(item.nodeid, reason) for item, reason in dropped]


def report_what_was_deselected(config):
    """pytest_report_collectionfinish: the deselected tests and why, grouped by reason."""
    dropped = getattr(config, "deselected_on_a_board", None)
    if dropped is None:
        return []
    lines = [f"on the boards of {lab_env(config).config_file}: {len(dropped)} tests deselected"]
    by_reason = {}
    for nodeid, reason in dropped:
        by_reason.setdefault(reason, []).append(nodeid)
    for reason, nodeids in by_reason.items():
        lines.append(f"  {reason} ({len(nodeids)}):")
        lines += [f"    {nodeid}" for nodeid in nodeids]
    return lines


def end_leases(config):
    """pytest_sessionfinish: give every place back as soon as the tests are done (config cleanup
    does it too, should the session end early). An xdist worker hands its deselected list and
    its leases to the controlling process, which prints them (pass_on_from_a_worker)."""
    for lease in getattr(config, "board_leases", {}).values():
        lease.end()
    worker_output = getattr(config, "workeroutput", None)
    if worker_output is not None:
        worker_output["deselected_on_a_board"] = getattr(config, "deselected_on_a_board", None)
        worker_output["board_leases"] = [lease.summary() for lease in getattr(config, "board_leases", {}).values()]


def pass_on_from_a_worker(config, node):
    """pytest_testnodedown, in xdist's controlling process: keep what a worker reported. Every
    worker collects the same tests, so one deselected list stands for all."""
    output = getattr(node, "workeroutput", {})
    if output.get("deselected_on_a_board") is not None:
        config.deselected_on_a_board = output["deselected_on_a_board"]
    config.__dict__.setdefault("worker_leases", []).extend(output.get("board_leases", []))


def report_leases(config, terminalreporter):
    """pytest_terminal_summary: each place this run held, and when (waiting for a place shows
    here); under xdist also the deselected list, which the workers sent at their end."""
    lines = [lease.summary() for lease in getattr(config, "board_leases", {}).values()]
    lines += getattr(config, "worker_leases", [])
    if lines:
        terminalreporter.section("labgrid places")
        for line in lines:
            terminalreporter.write_line(line)
    if getattr(config, "workeroutput", None) is None and hasattr(config, "worker_leases"):
        for line in report_what_was_deselected(config):
            terminalreporter.write_line(line)


def coordinator_address(config, env):
    return (config.option.lg_coordinator or env.config.get_option("coordinator_address", None)
            or os.environ.get("LG_COORDINATOR", "127.0.0.1:20408"))


def lease_places(config, folder):
    """pytest_collection_finish: lease the place of every target this run's tests boot
    (config.board_arches), before any test's clock starts (a wait for another run's turn is
    no test's timeout), in name order (two runs wanting the same places never hold one each
    and wait for the other). folder: where the lease's log goes."""
    env = lab_env(config)
    if env is None or config.option.collectonly:
        return
    config.board_leases = {}
    Path(folder).mkdir(parents=True, exist_ok=True)
    places = sorted({remote_place(env, arch) for arch in config.board_arches} - {None})
    for place in places:
        lease = PlaceLease(coordinator_address(config, env), place, folder)
        config.add_cleanup(lease.end)        # also after a begin that failed half-way
        lease.begin()
        config.board_leases[place] = lease


def board_console(config, arch, elf, variant, run_dir, name, allow):
    """A BoardConsole on the env's target for arch (its place leased since collection ended)."""
    env = lab_env(config)
    if variant is not None:
        pytest.fail(f"variant {variant!r} is a machine setup of the emulator, not of a board: mark the test "
                    f"@pytest.mark.emulator_only('variant')", pytrace=False)
    if arch not in env.config.get_targets():
        pytest.fail(f"{env.config_file} has no target named {arch}: add one (docs/boards.md) or run "
                    f"this test without --lg-env", pytrace=False)
    strategy = env.get_target(arch).get_strategy()
    return BoardConsole(arch, elf, strategy, run_dir, name, allow=allow)
