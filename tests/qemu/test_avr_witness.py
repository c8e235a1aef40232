"""avr: report lines held to what the emulator itself records. QEMU's `-d int`
logs nothing on AVR, so the witness is its GDB server: stopped at a handler's
entry, before any instruction of it, the return PC that the CPU pushed sits at
SP+1 (3 bytes, high byte first). The handler's report line must name that PC."""
import re
import subprocess
import time

import pytest

from qemu.launcher import command, die_with_parent
from qemu.profiles import profile

from tests.qemu.test_debug import free_port, wait_listening
from tests.facts import slot_of
from tests.qemu.report import reports


def first_report(path, within=20.0):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        # The first report may land in the middle of the banner or after a prompt: start a line at each.
        found = reports(path.read_text(errors="replace").replace("\r", "").replace("[trap]", "\n[trap]"))
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError(f"no report line in {path}:\n{path.read_text(errors='replace')[-500:]}")


@pytest.mark.parametrize("handler, typed", [("on_tick", b""), ("on_usart0_rx", b"x")])
def test_report_pc_is_the_return_pc_the_cpu_pushed(kernel, tmp_path, handler, typed):
    """Stop at the entry of the tick (abi: the PC is found above avr-gcc's own
    pushes) or of the RX stub (the PC is the end of the stub's frame), turn the
    reports on from GDB, read the pushed PC, let it run: the first report line
    is that interrupt's, and its pc= is the pushed one, as a byte address."""
    elf = kernel("avr")
    slot = slot_of("avr", handler)
    port = free_port()
    serial = tmp_path / "serial.txt"
    with open(serial, "wb") as out:
        qemu = subprocess.Popen(command("avr", elf, gdb=port), stdin=subprocess.PIPE, stdout=out,
                                stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)
    try:
        qemu.stdin.write(typed)          # held by QEMU until the guest enables its receiver
        qemu.stdin.flush()
        wait_listening(port)
        # report_irqs is written as a byte: avr-gdb misreads avr-gcc's DWARF type of a
        # `volatile bool` (it refuses `set var report_irqs = 1` with "Invalid cast").
        gdb = subprocess.run([profile("avr").gdb, "-batch", "-nx", "-ex", f"file {elf}",
                              "-ex", f"target remote 127.0.0.1:{port}", "-ex", f"break *{slot['entry']}",
                              "-ex", "continue", "-ex", "set var *(unsigned char *)&report_irqs = 1",
                              "-ex", "x/3xb $sp + 1", "-ex", "detach"],
                             capture_output=True, text=True, timeout=60)
        pushed = re.search(r":\s+0x([0-9a-f]{2})\s+0x([0-9a-f]{2})\s+0x([0-9a-f]{2})\s*$", gdb.stdout, re.M)
        assert pushed, gdb.stdout + gdb.stderr
        pc = 2 * int("".join(pushed.groups()), 16)
        report = first_report(serial)
        assert (report["vec"], report["style"]) == (str(slot["vector"]), slot["style"]), serial.read_text()[:600]
        assert int(report["pc"], 16) == pc, f"report pc={report['pc']}, the CPU pushed 0x{pc:x}\n{gdb.stdout}"
    finally:
        qemu.kill()
        qemu.wait()
