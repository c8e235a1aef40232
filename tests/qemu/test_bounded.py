"""Every emulator run is bounded on disk, whatever its guest does (qemu/bounds.py).

The storm guard stops the storms a handler causes (tests/qemu/test_storms.py);
this holds the last line of defence, the file cap, to a QEMU that logs as fast
as it can: the registers at every translated block executed, besides `-d int`,
about 5 MB a second while the guest idles, as an unguarded storm's `-d int` log
grows at up to 85 MB/s."""
import time

import pytest

from qemu.console import Console
from qemu.profiles import PROFILES

CAP = 4 << 20               # far below the real cap, so that the test writes little
FLOOD = ["-d", "in_asm,exec,nochain,int,cpu"]       # the last -d is the one QEMU keeps
QEMU_ARCHES = sorted(arch for arch, p in PROFILES.items() if p.launcher == "qemu")


@pytest.mark.parametrize("arch", QEMU_ARCHES)
def test_the_file_cap_stops_a_flooding_qemu_and_says_why(kernel, arch, tmp_path):
    started = time.monotonic()
    with Console(arch, kernel(arch), tmp_path, "flood", file_cap=CAP, extra=FLOOD, timeout=30) as console:
        ending = console.wait_ending()              # comes back only when QEMU has stopped
    took = time.monotonic() - started
    assert ending.kind == "file-cap", f"{ending} (after {took:.1f} s)"
    assert "log passed 4 MB" in ending.detail and "an interrupt storm?" in ending.detail
    log = tmp_path / "flood.qemu.log"
    assert log.stat().st_size <= CAP, f"the log is {log.stat().st_size} bytes, over the {CAP} cap"


def test_the_file_cap_stops_msp430s_bridge_too(kernel, tmp_path):
    """The bridge (Python, which ignores SIGXFSZ) meets the cap as a failed write to its log."""
    cap = 512               # a few of the bridge's lines: its requests at boot pass it
    with Console("msp430", kernel("msp430"), tmp_path, "bridge", file_cap=cap, timeout=30) as console:
        ending = console.wait_ending()
    assert ending.kind == "file-cap", str(ending)
    assert "mspdebug's simulator's log passed 512 bytes" in ending.detail
    assert (tmp_path / "bridge.qemu.log").stat().st_size <= cap
