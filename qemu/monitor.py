"""One QMP connection per QEMU, with the field's client (PyPI `qemu.qmp`; this file is not
named qmp.py, which would hide that package inside ours).

The socket is a socketpair made before QEMU starts: QEMU inherits one end as
`-chardev socket,fd=N`, we keep the other. No path to pick, no port to race
for, nothing to clean up, and two QEMUs can never reach each other's monitor.
QEMU sends events only after capability negotiation, and keeps sending them
into the socket whether or not we read: events() after QEMU has gone still
finds the SHUTDOWN event that says why it stopped.
"""
import asyncio
import logging
import socket

from qemu.qmp import QMPError
from qemu.qmp.legacy import QEMUMonitorProtocol

# What can go wrong talking to a QEMU that may be dying: the client's own
# errors, a closed socket, a reply that never comes.
QMP_FAILURES = (QMPError, OSError, EOFError, asyncio.TimeoutError)

# The client logs an ERROR when QEMU dies before or during negotiation (a
# startup error): qemu/ending.py says that better, once, in the failure itself.
logging.getLogger("qemu.qmp").setLevel(logging.CRITICAL)


class Monitor:
    quits = True                             # `quit` over QMP ends QEMU: worth waiting for

    def __init__(self):
        self._ours, self._theirs = socket.socketpair()
        self._theirs.set_inheritable(True)   # ptyprocess keeps pass_fds open but leaves CLOEXEC alone
        self._client = None
        self._events = []

    # -- before QEMU starts ---------------------------------------------------
    def argv(self):
        """QEMU options that put its monitor, in control (QMP) mode, on our socket."""
        return ["-chardev", f"socket,id=qmp,fd={self._theirs.fileno()}", "-mon", "chardev=qmp,mode=control"]

    def pass_fds(self):
        return [self._theirs.fileno()]

    # -- once QEMU runs ---------------------------------------------------------
    def connect(self, timeout=10):
        """Read the greeting and negotiate; returns QEMU's version dict. Raises
        QMP_FAILURES when QEMU died first (a startup error)."""
        self._theirs.close()                 # QEMU holds its own copy now
        self._client = QEMUMonitorProtocol(self._ours)
        self._client.settimeout(timeout)
        return self._client.connect(negotiate=True)["QMP"]["version"]["qemu"]

    def command(self, name, **arguments):
        return self._client.cmd(name, **arguments)

    def hmp(self, line):
        """A human-monitor command (`info registers`), its text answer."""
        return self._client.cmd("human-monitor-command", **{"command-line": line})

    def events(self):
        """Every event QEMU sent so far, oldest first (kept across calls)."""
        if self._client is not None:
            try:
                while True:
                    event = self._client.pull_event(wait=False)
                    if event is None:
                        break
                    self._events.append(event)
            except QMP_FAILURES:
                pass                         # QEMU is gone: what it sent before is all there is
        return list(self._events)

    def shutdown_reason(self):
        """The SHUTDOWN event's reason (guest-reset, host-qmp-quit, ...), or None."""
        for event in self.events():
            if event["event"] == "SHUTDOWN":
                return event["data"]["reason"]
        return None

    def close(self):
        """Drop the connection; always safe to call."""
        if self._client is not None:
            self.events()                    # keep what arrived before the socket goes
            try:
                self._client.close()
            except QMP_FAILURES:
                pass
            self._client = None
        for end in (self._ours, self._theirs):
            end.close()


class NoMonitor:
    """For a launcher that is not QEMU (qemu/mspdebug_sim.py): no QMP, no
    events, no registers; the console's other witnesses still apply."""

    quits = False                            # nothing to ask: the console stops the launcher itself

    def argv(self):
        return []

    def pass_fds(self):
        return []

    def connect(self, timeout=10):
        return {}                            # started, as far as anyone can tell

    def command(self, name, **arguments):
        raise QMPError(f"this launcher has no QMP monitor (asked for {name!r})")

    def hmp(self, line):
        return "(this launcher has no QMP monitor: no registers)"

    def events(self):
        return []

    def shutdown_reason(self):
        return None

    def close(self):
        pass
