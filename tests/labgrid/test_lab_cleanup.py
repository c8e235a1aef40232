"""Nothing a lab starts outlives it: not when it is stopped, not when its test process is killed.

The lab's processes (coordinator, exporter, a board) and the board's emulator,
switched on, are gone afterwards and every port they listened on can be bound
again. A test process killed with SIGKILL runs no teardown at all: its
children follow it through PR_SET_PDEATHSIG (qemu/launcher.py).
"""
import json
import os
import signal
import subprocess
import sys
import time

from qemu.launcher import tied_to_this_process
from tests.labgrid.lab import ROOT, Lab, port_free

ARCH = "riscv64"
GONE_WITHIN = 10            # seconds for the kernel to deliver the death signals and reap


def running(pid):
    """True while pid is a process that is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_gone(pids, ports):
    """The pids still running and the ports still taken, once all are gone or GONE_WITHIN passed."""
    deadline = time.monotonic() + GONE_WITHIN
    while True:
        alive = [pid for pid in pids if running(pid)]
        taken = [port for port in ports if not port_free(port)]
        if not (alive or taken) or time.monotonic() > deadline:
            return alive, taken
        time.sleep(0.1)


def start_a_lab(folder, elf):
    """A lab with a board switched on: its pids (the emulator's among them) and its ports."""
    lab = Lab(folder)
    lab.start_coordinator()
    lab.add_board(ARCH, elf)
    lab.start_exporter()
    assert lab.power(ARCH, True), "the board's switch did not go on"
    return lab


def emulator_started(lab):
    deadline = time.monotonic() + GONE_WITHIN
    while len(lab.pids()) <= len(lab.processes) and time.monotonic() < deadline:
        time.sleep(0.05)         # the board starts its emulator as the switch goes on
    return lab.pids()


def test_a_stopped_lab_leaves_no_process_and_no_port(tmp_path, kernel):
    lab = start_a_lab(tmp_path, kernel(ARCH))
    try:
        pids = emulator_started(lab)
        assert len(pids) == len(lab.processes) + 1, f"no emulator behind the board: {pids}"
    finally:
        killed = lab.stop()
    assert killed == [], f"{killed} did not stop when told (SIGTERM) and were killed"
    alive, taken = wait_gone(pids, lab.ports)
    assert (alive, taken) == ([], []), f"still running: {alive}; ports still bound: {taken}"


# The same lab in a process of its own, which says its pids and ports and then waits to be killed.
HOLDER = """
import json, sys, time
sys.path.insert(0, {root!r})
from tests.labgrid.test_lab_cleanup import start_a_lab, emulator_started
lab = start_a_lab({folder!r}, {elf!r})
print(json.dumps({{"pids": emulator_started(lab), "ports": lab.ports}}), flush=True)
time.sleep(600)
"""


def test_a_killed_test_process_takes_its_lab_along(tmp_path, kernel):
    source = HOLDER.format(root=str(ROOT), folder=str(tmp_path), elf=str(kernel(ARCH)))
    holder = subprocess.Popen([sys.executable, "-c", source], stdout=subprocess.PIPE, cwd=ROOT, text=True,
                              preexec_fn=tied_to_this_process())
    try:
        line = holder.stdout.readline()
        assert line, f"the lab's process said nothing (exit {holder.wait(timeout=GONE_WITHIN)})"
        started = json.loads(line)
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
        holder.stdout.close()
    assert len(started["pids"]) == 4, f"coordinator, board, emulator, exporter expected: {started}"
    alive, taken = wait_gone(started["pids"], started["ports"])
    assert (alive, taken) == ([], []), f"still running after SIGKILL: {alive}; ports still bound: {taken}"
