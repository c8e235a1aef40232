"""A labgrid lab on 127.0.0.1, for the suite: a coordinator, an exporter and QEMU boards.

What a lab has on many machines, here in one test process's children:
- a coordinator (labgrid-coordinator), its state files in the lab's folder;
- one exporter publishing, for each board, its serial port (NetworkSerialPort,
  ser2net's raw TCP) and its power switch (NetworkPowerPort, simplerest);
- the boards: boards.qemu_board stand-ins, each a QEMU behind a TCP serial
  port and an HTTP switch;
- one place per board, matched to its exporter group, and an env file per
  run that names the place (`targets: <arch>: RemotePlace`) with
  boards.strategy.KernelStrategy, as a lab's users write it.

Every process is started tied to this one (qemu.launcher.tied_to_this_process:
SIGKILL when it dies, however it dies) and stopped by Lab.stop; the ports are
chosen by the processes that bind them (the boards bind port 0) or, for the
coordinator, tried and taken again on a collision, so workers of
`pytest -n auto` never share one.
"""
import socket
import subprocess
import sys
import time
from pathlib import Path

from qemu.launcher import tied_to_this_process

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
START_TIMEOUT = 30           # seconds for a coordinator, an exporter or a board to come up
PORT_TRIES = 5               # a coordinator port taken by another worker meanwhile: try another


class LabError(RuntimeError):
    pass


def unused_port():
    """A port nothing listens on now; the coordinator binds it next (and another try follows a collision)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def port_free(port):
    """True when this machine could bind the port on 127.0.0.1 again."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


class Lab:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.processes = []          # (name, Popen), in start order
        self.ports = []              # every port a process of the lab listens on
        self.boards = {}             # arch -> (serial port, power port)
        self.coordinator = None      # "127.0.0.1:PORT"

    # -- processes ----------------------------------------------------------
    def start(self, name, argv, **kwargs):
        """Start a lab process, its output in the lab's folder (a few lines each: bounded by what it says)."""
        log = open(self.folder / f"{name}.log", "ab")
        process = subprocess.Popen(argv, stdout=kwargs.pop("stdout", log), stderr=log, cwd=kwargs.pop("cwd", self.folder),
                                   preexec_fn=tied_to_this_process(), **kwargs)
        log.close()
        self.processes.append((name, process))
        return process

    def said(self, name):
        return (self.folder / f"{name}.log").read_text(errors="replace")[-3000:]

    def wait_for(self, what, ready, process, name):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if ready():
                return
            if process.poll() is not None:
                raise LabError(f"{name} exited ({process.returncode}) before {what}:\n{self.said(name)}")
            time.sleep(0.05)
        raise LabError(f"{name}: no {what} after {START_TIMEOUT}s:\n{self.said(name)}")

    def client(self, *args):
        argv = [str(BIN / "labgrid-client"), "-x", self.coordinator, *args]
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=START_TIMEOUT, cwd=self.folder)
        if done.returncode:
            raise LabError(f"labgrid-client {' '.join(args)} failed ({done.returncode}):\n{done.stdout}")
        return done.stdout

    # -- the lab --------------------------------------------------------------
    def start_coordinator(self):
        for _ in range(PORT_TRIES):
            port = unused_port()
            process = self.start("coordinator", [str(BIN / "labgrid-coordinator"), "-l", f"127.0.0.1:{port}"])
            try:
                self.wait_for(f"port {port} listening", lambda: listening(port), process, "coordinator")
            except LabError:
                if process.poll() is not None and "ddress already in use" in self.said("coordinator"):
                    continue          # another worker's process took the port between our look and its bind
                raise
            self.ports.append(port)
            self.coordinator = f"127.0.0.1:{port}"
            return
        raise LabError(f"no free port for the coordinator after {PORT_TRIES} tries:\n{self.said('coordinator')}")

    def add_board(self, arch, elf):
        """Start a QEMU board for arch booting elf (as it is on disk at each power-on)."""
        name = f"board-{arch}"
        process = self.start(name, [sys.executable, "-m", "boards.qemu_board", arch, str(elf), str(self.folder)],
                             stdout=subprocess.PIPE, cwd=ROOT)
        line = process.stdout.readline().decode()
        process.stdout.close()
        fields = dict(item.split("=") for item in line.split())
        if set(fields) != {"serial", "power"}:
            process.wait(timeout=START_TIMEOUT)
            raise LabError(f"{name} said {line!r}, not 'serial=N power=M':\n{self.said(name)}")
        self.boards[arch] = (int(fields["serial"]), int(fields["power"]))
        self.ports += self.boards[arch]

    def start_exporter(self):
        """One exporter for every board; each board's group is `<arch>-board`."""
        config = self.folder / "exporter.yaml"
        config.write_text("".join(
            f"{arch}-board:\n"
            f"  NetworkSerialPort:\n    host: 127.0.0.1\n    port: {serial}\n    protocol: raw\n"
            f"  NetworkPowerPort:\n    model: simplerest\n"
            f"    host: 'http://127.0.0.1:{power}/power/{{value}}'\n    index: 0\n"
            for arch, (serial, power) in self.boards.items()))
        process = self.start("exporter", [str(BIN / "labgrid-exporter"), "-c", self.coordinator, "-n", "lab",
                                          "--hostname", "127.0.0.1", str(config)])
        expected = [f"lab/{arch}-board/NetworkSerialPort" for arch in self.boards]
        self.wait_for("its resources at the coordinator",
                      lambda: all(name in self.client("resources") for name in expected), process, "exporter")

    def create_place(self, arch):
        """A place named after the board, matching its exporter group."""
        place = f"{arch}-board"
        self.client("-p", place, "create")
        self.client("-p", place, "add-match", f"lab/{arch}-board/*")
        return place

    def env_file(self, path, arches):
        """An env file for `pytest --lg-env`: a target per arch on its place; the board holds
        the arch's kernel (images: kernel-<arch>:), since it has no flasher."""
        from tools import toolchain
        lines = [f"options:\n  coordinator_address: '{self.coordinator}'\n",
                 "imports:\n  - boards.strategy\n", "targets:\n"]
        for arch in arches:
            lines.append(f"  {arch}:\n    resources:\n      RemotePlace:\n        name: {arch}-board\n"
                         f"    drivers:\n      NetworkPowerDriver:\n        delay: 0.0\n"
                         f"      SerialDriver:\n        timeout: 3.0\n"
                         f"      KernelStrategy:\n        image: kernel-{arch}\n")
        lines.append("images:\n" + "".join(f"  kernel-{arch}: {toolchain.kernel_elf(arch)}\n" for arch in arches))
        Path(path).write_text("".join(lines))
        return Path(path)

    def pids(self):
        """Every process of the lab that runs now: its own, and each board's emulator."""
        pids = [process.pid for _, process in self.processes if process.poll() is None]
        for name, process in self.processes:
            if name.startswith("board-") and process.poll() is None:
                for children in Path(f"/proc/{process.pid}/task").glob("*/children"):
                    pids += [int(pid) for pid in children.read_text().split()]
        return pids

    def power(self, arch, on):
        """Switch a board as its NetworkPowerPort would (labgrid's simplerest model)."""
        import urllib.request
        with urllib.request.urlopen(f"http://127.0.0.1:{self.boards[arch][1]}/power/{int(on)}",
                                    timeout=START_TIMEOUT) as answer:
            return answer.read() == b"1"

    def stop(self):
        """Stop every lab process, newest first; return the ones that had to be killed (none is normal)."""
        for _, process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        killed = []
        for name, process in reversed(self.processes):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                killed.append(name)
        return killed
