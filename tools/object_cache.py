"""Compiled objects kept for builds outside doit, in the manner of ccache's
direct mode. The spec-variant tests build about a hundred kernels per run,
each against a gen/ of its own; a later run that compiles the same source
against the same gen/ copies the object instead of compiling it again.

An entry is found by the compile command (with the gen/ folder and the
object's path taken out, since they differ from run to run), the compiler
executable, the source and every file in gen/ with the spec's path taken
out (the generator names the spec only in comments). It is used only if
every header its compile read (the -MMD file) is still as it was then; as
for doit's own compiles (tools/toolchain.py headers_unchanged), that leaves
out system headers. One thing differs from a fresh compile: the object's
debug information names the gen/ folder of the build that compiled it
first. Entries unused for a week go, the least recently used go beyond
MAX_BYTES, and staging folders that a killed store left behind go too.

Compiles are not always reproducible: clang 14 compiles the x86_64
kernel/x86_64/exceptions.c to one of two different, equally valid objects
(2 times in 12, same command, same inputs). A cache hit gives one of them."""
import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from tools import toolchain

UNUSED_FOR = 7 * 24 * 3600
STAGING_LEFT_FOR = 3600
MAX_BYTES = 256 << 20


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _compiler(argv):
    """The compiler executable, as its path, size and modification time:
    an upgrade changes one of them."""
    path = shutil.which(argv[0]) or argv[0]
    stat = os.stat(path)
    return [os.path.realpath(path), stat.st_size, stat.st_mtime_ns]


def _headers_read(obj, gen):
    """Headers the compile of obj read, outside gen/ (whose files are in the key)."""
    gen = Path(gen).resolve()
    return sorted({str(Path(d).resolve()) for d in toolchain.header_deps(obj)
                   if not Path(d).resolve().is_relative_to(gen)})


class ObjectCache:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._prune()

    def _prune(self):
        now = time.time()
        kept = []
        for entry in self.folder.glob("*/*"):
            limit = STAGING_LEFT_FOR if entry.name.startswith(".staging-") else UNUSED_FOR
            try:
                used = entry.stat().st_mtime
                if now - used > limit:
                    shutil.rmtree(entry, ignore_errors=True)
                elif not entry.name.startswith(".staging-"):
                    kept.append((used, (entry / "object.o").stat().st_size, entry))
            except FileNotFoundError:
                pass        # another process pruned it, or is storing it
        total = sum(size for _, size, _ in kept)
        for _, size, entry in sorted(kept, key=lambda k: k[0]):
            if total <= MAX_BYTES:
                break
            shutil.rmtree(entry, ignore_errors=True)
            total -= size

    def _entry(self, argv, source, obj, gen, spec):
        gen = str(gen)
        command = [a.replace(str(obj), "<obj>").replace(gen, "<gen>") for a in argv]
        files = {p.name: hashlib.sha256(p.read_bytes().replace(str(spec).encode(), b"<spec>")).hexdigest()
                 for p in sorted(Path(gen).iterdir()) if p.is_file()}
        key = hashlib.sha256(json.dumps([command, _compiler(argv), _digest(source), files]).encode()).hexdigest()
        return self.folder / key[:2] / key

    def fetch(self, argv, source, obj, gen, spec):
        """Copy the cached object to obj and return True, or return False.
        source: its absolute path; gen: the folder generated from spec."""
        entry = self._entry(argv, source, obj, gen, spec)
        try:
            headers = json.loads((entry / "headers.json").read_text())
            if any(_digest(path) != digest for path, digest in headers.items()):
                return False
            Path(obj).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(entry / "object.o", obj)
        except (FileNotFoundError, NotADirectoryError):
            return False            # no entry, a header gone, or pruned meanwhile
        os.utime(entry)
        return True

    def store(self, argv, source, obj, gen, spec):
        """Keep obj, just compiled by argv, with the headers its compile read."""
        entry = self._entry(argv, source, obj, gen, spec)
        if entry.exists():
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".staging-"))
        shutil.copyfile(obj, staging / "object.o")
        headers = {path: _digest(path) for path in _headers_read(obj, gen)}
        (staging / "headers.json").write_text(json.dumps(headers, indent=1))
        try:
            staging.rename(entry)   # whole or not at all; another worker may have stored it first
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
