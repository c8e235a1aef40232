"""Bounds on what one emulator run may write, and on what the harness reads back.

An interrupt storm under `-d int` grows QEMU's log at about 85 MB/s a guest
(measured: 73 GB in about 6 minutes under `pytest -n 2`), and a failure
summary that read such a log whole took 12-16 GB of the test's memory. So:
- every emulator (QEMU, mspdebug and its bridge) runs under RLIMIT_FSIZE:
  the kernel refuses it any byte of a file past EMULATOR_FILE_CAP, however
  busy or stalled the harness is (RLIMIT_CORE 0: no core file of a guest's
  RAM either). A single-threaded program then dies of SIGXFSZ; QEMU does
  not (it writes its log from vCPU threads, which block that signal, so each
  write past the cap just fails), hence:
- FileWatch, which stops the emulator once a file it writes reaches the cap,
  and the ending says so;
- the harness reads logs back only from their tail (tail_text);
- what the harness writes itself, the console transcript, goes through
  CappedTranscript, which stops the guest when the console floods.
"""
import collections
import os
import resource
import signal
import threading

MB = 1 << 20
# A test's `-d int` log holds kilobytes (a 100 Hz tick logs about 2 KB/s): 64 MiB
# is minutes of ordinary logging and under a second of a storm.
EMULATOR_FILE_CAP = 64 * MB
# What the console may print in one session: the longest table (`vectors all`,
# `help`) is a few KB; a guest that prints past this floods, and is stopped.
TRANSCRIPT_CAP = 16 * MB
TAIL_BYTES = 1 * MB          # what a failure report reads of a log: its last megabyte


def limit_files(cap=EMULATOR_FILE_CAP):
    """In a child, before exec: every file it writes stops at cap bytes, and no core file.
    SIGXFSZ goes back to its default action (end the process): Python ignores it, and
    an ignored signal stays ignored across exec, which would leave the emulator running
    with each write to its log failing instead."""
    inherited = resource.getrlimit(resource.RLIMIT_FSIZE)[1]     # a capped parent's children stay as capped
    if inherited != resource.RLIM_INFINITY:
        cap = min(cap, inherited)
    resource.setrlimit(resource.RLIMIT_FSIZE, (cap, cap))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)


def at_cap(path, cap=EMULATOR_FILE_CAP):
    """True when the file has reached the cap (a single-threaded emulator, or
    msp430's Python bridge, may die of the cap before FileWatch looks)."""
    try:
        return os.stat(path).st_size >= cap
    except FileNotFoundError:
        return False


class FileWatch:
    """Polls the size of the files an emulator writes; the first time one reaches
    cap, calls on_full once (the console kills the emulator) and remembers which."""

    POLL = 0.2          # seconds: how late a full log may be noticed (the file itself stays at the cap)

    def __init__(self, paths, on_full, cap=EMULATOR_FILE_CAP):
        self.full = None            # the path that reached the cap
        self._paths, self._on_full, self._cap = list(paths), on_full, cap
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True, name="file-watch")
        self._thread.start()

    def _watch(self):
        while not self._stop.wait(self.POLL):
            for path in self._paths:
                if at_cap(path, self._cap):
                    self.full = path
                    self._on_full()
                    return

    def stop(self):
        self._stop.set()
        self._thread.join()


def stopped_by_file_cap(returncode):
    """True when an emulator's exit code says the file cap ended it."""
    return returncode == -signal.SIGXFSZ


def tail_text(path, nbytes=TAIL_BYTES):
    """The last nbytes of a file as text (from its first whole line), '' when it is missing."""
    try:
        with open(path, "rb") as f:
            size = f.seek(0, os.SEEK_END)
            f.seek(max(0, size - nbytes))
            data = f.read(nbytes)
    except FileNotFoundError:
        return ""
    if size > nbytes:
        data = data[data.find(b"\n") + 1:]
    return data.decode(errors="replace")


class CappedTranscript:
    """A transcript file (pexpect's logfile) that keeps at most TRANSCRIPT_CAP
    bytes on disk. Past the cap it writes one line saying so, keeps the last
    tail_chars in memory for the failure report, and calls on_flood once
    (the console stops its guest: a flood never ends by itself)."""

    def __init__(self, path, on_flood, cap=TRANSCRIPT_CAP, tail_chars=64 * 1024):
        self._file = open(path, "w", encoding="utf-8")
        self._on_flood = on_flood
        self._room = cap
        self._tail = collections.deque(maxlen=tail_chars)
        self.cap = cap
        self.flooded = False

    @property
    def closed(self):
        return self._file.closed

    def write(self, text):
        if not self.flooded:
            kept = text[:self._room]
            self._file.write(kept)
            self._room -= len(kept)
            if len(kept) < len(text):
                self.flooded = True
                self._file.write(f"\n[harness: transcript capped at {self.cap // MB} MB; the guest "
                                 f"was stopped: its console flooded]\n")
                self._file.flush()
                self._on_flood()
        self._tail.extend(text)

    def tail(self, nchars):
        """The last nchars of the session, past the cap too, with its line ends
        read as a text file's are (the pty's \r\r\n and \r\n both end one line)."""
        text = "".join(self._tail).replace("\r\n", "\n").replace("\r", "\n")
        return text[-nchars:]

    def flush(self):
        if not self._file.closed:
            self._file.flush()

    def close(self):
        self._file.close()
