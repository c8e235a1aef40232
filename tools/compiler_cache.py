"""Debian's ccache in front of every kernel compile (tools/toolchain.py compile_command).

The cache is build/ccache of the checkout, bounded by the ccache.conf that
configure() writes there, or CCACHE_DIR where that is set: the tests set it to
their checkout's folder (tests/conftest.py), so the copies of the repository
they build in (tests/pipeline) and the spec variants they build in folders of
their own (tests/qemu/variants.py) fill and read one cache. ccache locks its
own files, so parallel test workers may share it.

A hit across folders needs two settings, given to each compile by
environment() since the folder differs from caller to caller:
- base_dir: absolute paths under it are rewritten relative to the compile's
  working folder, so /tmp/a/kernel/x.c and /tmp/b/kernel/x.c hash alike
  (paths outside it, /usr/include, stay absolute and alike anyway);
- hash_dir off: the working folder itself is not hashed, though -g writes it
  into the debug information, so a hit carries the folder of the compile that
  filled the entry.
And depend mode: ccache hashes the source and the headers its -MMD file names,
byte for byte, and never runs the preprocessor. A miss then costs the compile
alone (measured on a fresh x86_64 build: 10% more CPU than no cache, where the
preprocessor's pass made it 44%), and a file that differs only in a comment
misses too, so the debug information's file checksums (DWARF 5) stay true.
The compiler is checked by its size and modification time (ccache's
default): an upgraded compiler misses.
"""
import os
from pathlib import Path

COMMAND = "ccache"
# A full build of the seven kernels stores about 6 MB; a test run's spec variants a few times that.
MAX_SIZE = "1G"


def default_folder(root):
    return Path(root) / "build" / "ccache"


def folder(root):
    """The cache the compiles of the checkout at root use."""
    return Path(os.environ.get("CCACHE_DIR") or default_folder(root))


def configure(cache):
    """Write cache/ccache.conf (the bound) unless it is there; safe when several
    processes do it at once: each writes a file of its own and renames it."""
    conf = Path(cache) / "ccache.conf"
    if conf.exists():
        return
    conf.parent.mkdir(parents=True, exist_ok=True)
    staging = conf.with_name(f".ccache.conf.{os.getpid()}")
    staging.write_text(f"# Written by tools/compiler_cache.py.\nmax_size = {MAX_SIZE}\n")
    staging.replace(conf)


def share(root):
    """Name the checkout's cache in os.environ, so that every build started from
    this process, in a copy of the checkout too, uses it."""
    os.environ["CCACHE_DIR"] = str(folder(root))
    if folder(root) == default_folder(root):
        configure(folder(root))


def environment(root, base_dir):
    """os.environ for a compile of the checkout at root that runs in a folder under base_dir."""
    cache = folder(root)
    if cache == default_folder(root):
        configure(cache)
    return {**os.environ, "CCACHE_DIR": str(cache), "CCACHE_BASEDIR": str(base_dir), "CCACHE_NOHASHDIR": "1",
            "CCACHE_DEPEND": "1"}
