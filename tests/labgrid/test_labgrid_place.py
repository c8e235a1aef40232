"""The suite over a labgrid place, proven without hardware.

A lab on 127.0.0.1 (tests/labgrid/lab.py): a coordinator, an exporter that
publishes a QEMU board's serial port (the stand-in for a board behind ser2net)
and power switch, a place matching them. The shell tests then run through
labgrid's pytest plugin (`pytest --lg-env`) as a lab's user runs them, the
place leased for the run; a second test process waits for the place instead
of sharing it; and nothing the lab started outlives it.
"""
import os
import re
import subprocess
import sys
import time

import pexpect
import pytest

from boards.lease import PlaceLease
from qemu.launcher import tied_to_this_process
from tests.labgrid.lab import ROOT, Lab
from tests.qemu.test_doit_tasks import build_lock

ARCH = "riscv64"            # the quickest guest to boot
SHELL_TESTS = ["tests/qemu/test_shell_common.py", f"tests/qemu/test_{ARCH}_shell.py"]
ONE_TEST = f"tests/qemu/test_shell_common.py::test_help_lists_every_command[{ARCH}]"
INNER_TIMEOUT = 300         # one pytest run inside this one


@pytest.fixture(scope="module")
def lab(tmp_path_factory, kernel):
    """One lab per worker for this module: a coordinator, one board, one place, an env file."""
    folder = tmp_path_factory.mktemp("lab")
    lab = Lab(folder)
    try:
        lab.start_coordinator()
        lab.add_board(ARCH, kernel(ARCH))
        lab.start_exporter()
        lab.place = lab.create_place(ARCH)
        lab.env = lab.env_file(folder / "env.yaml", [ARCH])
        yield lab
    finally:
        lab.stop()


def run_pytest(env, *args, environment=None):
    """Start `pytest --lg-env env` on the given tests, in its own process, as a user would."""
    argv = [sys.executable, "-m", "pytest", "-p", "no:xdist", "-q", "--lg-env", str(env), *args]
    return subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=environment, preexec_fn=tied_to_this_process())


def finished(process):
    try:
        output, _ = process.communicate(timeout=INNER_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
        pytest.fail(f"pytest --lg-env did not finish in {INNER_TIMEOUT}s:\n{output[-4000:]}")
    return process.returncode, output


def lease_times(output, place):
    match = re.search(rf"^place {re.escape(place)}: asked=(\S+) acquired=(\S+) released=(\S+)$", output, re.M)
    assert match, f"the run's summary names no lease of {place}:\n{output[-3000:]}"
    return tuple(float(t) for t in match.groups())


def test_the_shell_tests_pass_over_the_place(lab):
    code, output = finished(run_pytest(lab.env, *SHELL_TESTS))
    assert code == 0, output[-6000:]
    passed = int(re.search(r"(\d+) passed", output)[1])
    local = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:xdist", "-q", "--collect-only",
                            "-k", ARCH, *SHELL_TESTS], cwd=ROOT, capture_output=True, text=True,
                           preexec_fn=tied_to_this_process())
    collected = int(re.search(r"(\d+)(?:/\d+)? tests? collected", local.stdout)[1])
    assert passed == collected, f"{passed} passed on the board, {collected} run locally:\n{output[-3000:]}"
    assert "failed" not in output and "skipped" not in output, output[-3000:]
    # Every other arch's rows are deselected aloud, each named with its reason.
    assert re.search(rf"^  {re.escape(str(lab.env))} has no target for x86_64 \(\d+\):$", output, re.M), output[:3000]
    assert "tests/qemu/test_shell_common.py::test_help_lists_every_command[x86_64]" in output
    lease_times(output, lab.place)


def test_a_second_process_waits_for_the_place_and_never_shares_it(lab, tmp_path):
    """This process holds the place; a pytest run wanting it must wait (its reservation
    pending, the place still ours) and gets it only after we give it back."""
    ours = PlaceLease(lab.coordinator, lab.place, tmp_path)
    ours.begin()
    try:
        theirs = run_pytest(lab.env, ONE_TEST)
        states = wait_for_a_waiting_reservation(lab, theirs)
        assert states.pop(ours.token) == "acquired", states
        assert list(states.values()) == ["waiting"], states
        assert re.search(r"^  acquired: (?!None$)\S+$", lab.client("-p", lab.place, "show"), re.M)
    finally:
        ours.end()
    code, output = finished(theirs)
    assert code == 0, output[-6000:]
    asked, acquired, released = lease_times(output, lab.place)
    assert asked < ours.times["released"] <= acquired, \
        f"they asked at {asked}, we released at {ours.times['released']}, they acquired at {acquired}"


def test_a_run_inside_the_user_s_own_reservation_uses_the_place_and_keeps_it(lab, tmp_path):
    """By hand (docs/boards.md): reserve, acquire, then pytest with LG_TOKEN set. The run
    neither waits for the place nor gives it back: the user still holds it afterwards."""
    ours = PlaceLease(lab.coordinator, lab.place, tmp_path)
    ours.begin()
    try:
        code, output = finished(run_pytest(lab.env, ONE_TEST, environment=dict(os.environ, LG_TOKEN=ours.token)))
        assert code == 0, output[-6000:]
        assert f"place {lab.place}: held by you before this run (LG_TOKEN), used and kept" in output, output[-3000:]
        assert reservation_states(lab) == {ours.token: "acquired"}
        assert re.search(r"^  acquired: (?!None$)\S+$", lab.client("-p", lab.place, "show"), re.M)
    finally:
        ours.end()


def reservation_states(lab):
    """{token: state} of every reservation the coordinator holds."""
    said = lab.client("reservations")
    return dict(re.findall(r"^Reservation '(\w+)':\n(?:  .*\n)*?  state: (\w+)$", said, re.M))


def wait_for_a_waiting_reservation(lab, process, timeout=60):
    """The reservations' states once one of them waits; process: the other run, which must not end first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        states = reservation_states(lab)
        if "waiting" in states.values():
            return states
        if process.poll() is not None:
            pytest.fail(f"the second run ended before it asked for the place:\n{process.stdout.read()[-3000:]}")
        time.sleep(0.2)
    pytest.fail(f"no reservation waited for the place within {timeout}s: {states}")



def test_doit_boot_is_the_board_s_console_under_lg_env(lab):
    """LG_ENV=env.yaml doit boot-<arch>: the place leased, the kernel booted, this terminal the
    board's console; the task ends with the status the guest printed, and gives the place back."""
    with build_lock():       # boot-<arch> runs check-<arch> first: not while a worker builds
        child = pexpect.spawn(sys.executable, ["-m", "doit", f"boot-{ARCH}"], cwd=str(ROOT), encoding="utf-8",
                              timeout=60, dimensions=(50, 200), env=dict(os.environ, LG_ENV=str(lab.env)),
                              preexec_fn=tied_to_this_process())
        try:
            child.expect(f"{ARCH} on place {lab.place}: Ctrl-A X quits")
            child.expect(f"{ARCH}> ")
            child.send("ticks\r")
            child.expect(r"ticks=\d+ hz=100")
            child.send("exit 3\r")
            child.expect(f"{ARCH}: the guest printed exit status=3 and parked")
            child.expect(pexpect.EOF)
        finally:
            child.close(force=True)
    assert child.exitstatus == 1, f"a status of 3 fails the task: doit exited {child.exitstatus}"
    assert re.search(r"^  acquired: None$", lab.client("-p", lab.place, "show"), re.M), "the place was not given back"
