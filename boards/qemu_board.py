"""A QEMU guest dressed as a board in a lab: a stand-in for hardware in the suite.

A real board in a labgrid lab is reached through two network services on the
machine it hangs off: ser2net, which holds a TCP port for the board's UART
whether the board runs or not, and a network power switch. This process is
both for one emulated board:

- the serial port: a TCP port that stays bound while this process lives
  (ser2net's `raw` mode: bytes as they are, one client at a time; what the
  board prints while nobody is connected is lost, as with ser2net);
- the power switch: labgrid's `simplerest` model (labgrid/driver/power/simplerest.py),
  GET /power/1 and /power/0 switch, GET /power answers 1 or 0.

Power on starts the arch's emulator (qemu.launcher.command, the serial port on
its stdio, no -icount, no QMP: a board has neither) with the kernel ELF as it
is on disk at that moment, as a board boots whatever was flashed last; power
off kills it. A guest that exits leaves the switch on and the port silent, as
a board that parks. Both ports are bound to port 0 and read back, so no other
process can take them between choosing and binding (the suite runs several
workers at once); the first line on stdout says them: `serial=N power=M`.

Every emulator started here dies with this process, and this process with its
parent (qemu.launcher); the emulator's stderr goes to a file the launcher's
file cap bounds.

    python -m boards.qemu_board ARCH ELF FOLDER
"""
import http.server
import os
import queue
import selectors
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

from qemu.launcher import command, die_with_parent

READ_CHUNK = 4096


class Board:
    """The emulator behind the switch, and the one client of its serial port."""

    def __init__(self, arch, elf, folder):
        self.arch = arch
        self.elf = Path(elf)
        self.stderr_path = Path(folder) / f"{arch}-board.stderr"
        self.lock = threading.Lock()
        self.emulator = None
        self.client = None
        self.selector = selectors.DefaultSelector()
        self.wake_r, self.wake_w = os.pipe()     # the power thread wakes the relay loop
        self.selector.register(self.wake_r, selectors.EVENT_READ, "wake")
        self.requests = queue.Queue()

    # -- power ------------------------------------------------------------
    def powered(self):
        with self.lock:
            return self.emulator is not None

    def power(self, on):
        """Switch the board from the switch's thread: the relay loop does it, because
        PR_SET_PDEATHSIG (qemu.launcher.die_with_parent) kills a child when the
        thread that started it ends, and the switch answers each request in a
        thread of its own. Raises what switching raised."""
        request = {"on": on, "done": threading.Event(), "error": None}
        self.requests.put(request)
        os.write(self.wake_w, b"x")
        request["done"].wait()
        if request["error"]:
            raise request["error"]

    def switch(self, on):
        """In the relay loop's thread; the loop closes a stopped emulator's pipes (it alone reads them)."""
        with self.lock:
            if on and self.emulator is None:
                if not self.elf.is_file():
                    raise FileNotFoundError(f"{self.elf}: nothing to boot (build it: doit build-{self.arch})")
                argv = command(self.arch, self.elf)
                with open(self.stderr_path, "ab") as stderr:
                    self.emulator = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                                     stderr=stderr, preexec_fn=die_with_parent)
            elif not on and self.emulator is not None:
                self.emulator.kill()
                self.emulator.wait()
                self.emulator = None

    def take_requests(self, listener):
        """Switch as asked, after taking a client that is waiting: one that connected before
        the switch went on hears the boot from its first byte."""
        os.read(self.wake_r, READ_CHUNK)
        self.accept(listener)
        while not self.requests.empty():
            request = self.requests.get()
            try:
                self.switch(request["on"])
            except OSError as error:
                request["error"] = error
            finally:
                request["done"].set()       # whatever happened: the switch's thread must not hang

    # -- the serial port ----------------------------------------------------
    def relay(self, listener):
        """Forever: accept the serial client, copy bytes both ways."""
        listener.setblocking(False)
        self.selector.register(listener, selectors.EVENT_READ, "accept")
        watched, fd = None, None         # the emulator whose output is watched, and that output
        while True:
            with self.lock:
                current = self.emulator
            if current is not watched:
                if fd is not None:
                    self.selector.unregister(fd)
                    fd = None
                if watched is not None:
                    watched.stdout.close()
                    watched.stdin.close()
                watched = current
                if current is not None:
                    fd = current.stdout.fileno()
                    self.selector.register(fd, selectors.EVENT_READ, "board")
            for key, _ in self.selector.select():
                if key.data == "wake":
                    self.take_requests(listener)
                    break                   # a new emulator to watch, or an old one to let go
                elif key.data == "accept":
                    self.accept(listener)
                elif key.data == "board" and fd is not None and not self.from_board(fd):
                    self.selector.unregister(fd)     # the guest exited: the board parks, the switch stays on
                    fd = None
                elif key.data == "client":
                    self.from_client(watched)

    def accept(self, listener):
        try:
            connection, _ = listener.accept()
        except BlockingIOError:
            return
        if self.client is not None and not self.client_alive():
            self.drop_client()          # gone, its end not read yet: the new client takes the port
        if self.client is not None:     # ser2net: the port is in use
            connection.close()
            return
        self.client = connection
        self.selector.register(connection, selectors.EVENT_READ, "client")

    def client_alive(self):
        try:
            return self.client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
        except BlockingIOError:
            return True                 # connected, nothing typed
        except OSError:
            return False

    def drop_client(self):
        self.selector.unregister(self.client)
        self.client.close()
        self.client = None

    def from_board(self, fd):
        """Pass what the board printed to the client (if any); False once its output ended."""
        data = os.read(fd, READ_CHUNK)
        if not data:
            return False
        if self.client is not None:
            try:
                self.client.sendall(data)
            except OSError:
                self.drop_client()
        return True

    def from_client(self, emulator):
        try:
            data = self.client.recv(READ_CHUNK)
        except OSError:
            data = b""
        if not data:
            self.drop_client()
            return
        if emulator is not None and emulator.poll() is None:
            try:
                emulator.stdin.write(data)
                emulator.stdin.flush()
            except (BrokenPipeError, ValueError):
                pass                    # it is exiting: typed bytes are lost, as on a parked board


class PowerSwitch(http.server.BaseHTTPRequestHandler):
    """labgrid's simplerest power model: GET /power/{value}; /power reads the state."""
    board = None

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if parts[0] != "power" or len(parts) > 2 or (len(parts) == 2 and parts[1] not in ("0", "1")):
            self.send_error(404, "the switch answers /power, /power/0 and /power/1")
            return
        try:
            if len(parts) == 2:
                self.board.power(parts[1] == "1")
        except FileNotFoundError as error:
            self.send_error(409, str(error))
            return
        body = b"1" if self.board.powered() else b"0"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass                            # quiet: the suite reads the transcript, not the switch


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: python -m boards.qemu_board ARCH ELF FOLDER")
    arch, elf, folder = argv
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))     # the emulator follows (die_with_parent)
    board = Board(arch, elf, folder)
    serial = socket.create_server(("127.0.0.1", 0))
    PowerSwitch.board = board
    switch = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PowerSwitch)
    threading.Thread(target=switch.serve_forever, daemon=True).start()
    print(f"serial={serial.getsockname()[1]} power={switch.server_address[1]}", flush=True)
    board.relay(serial)


if __name__ == "__main__":
    main(sys.argv[1:])
