"""What a runaway log costs this machine now: time until the emulator is stopped, disk, memory.

Usage: .venv/bin/python -m reports.storm_bounds [ARCH ...]      (default: riscv64 x86_64)

For each arch, boots the built kernel under QEMU logging every block it runs
with its registers (-d in_asm,exec,nochain,int,cpu: about 5 MB/s while the
guest idles; an unguarded interrupt storm's `-d int` log grew at up to 85 MB/s)
with the real file cap (qemu/bounds.py), waits until the console stops it, then
builds the failure report a test would print. Prints, per arch: the seconds
until QEMU was stopped, the bytes left in the run folder, and this process's
peak resident memory (the harness's, report included). One process per arch,
so each peak is its own.
"""
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from qemu.console import Console
from tools import toolchain

FLOOD = ["-d", "in_asm,exec,nochain,int,cpu"]


def measure(arch):
    with tempfile.TemporaryDirectory(prefix="storm-bounds-") as folder:
        started = time.monotonic()
        with Console(arch, toolchain.kernel_elf(arch), folder, "flood", extra=FLOOD, timeout=300) as console:
            ending = console.wait_ending()
            stopped = time.monotonic() - started
            report = console.diagnosis()
        disk = sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return (f"{arch}: stopped after {stopped:.1f} s ({ending.kind}); run folder {disk / 2**20:.1f} MiB; "
            f"harness peak {peak / 2**20:.0f} MiB; report {len(report)} characters")


def main(argv):
    arches = argv or ["riscv64", "x86_64"]
    if len(arches) == 1:
        print(measure(arches[0]), flush=True)
        return 0
    for arch in arches:        # a fresh process each, so that each peak memory is that arch's alone
        subprocess.run([sys.executable, "-m", "reports.storm_bounds", arch], cwd=toolchain.ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
