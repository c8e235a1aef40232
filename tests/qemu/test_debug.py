"""`doit debug-<arch>`'s pieces: QEMU halted with a GDB server, and the GDB script that attaches."""
import socket
import subprocess
import time
from pathlib import Path

import pytest

from qemu.launcher import command, die_with_parent, gdb_script
from qemu.profiles import profile


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port, within=20.0):
    """Wait until something listens on 127.0.0.1:port, without connecting to it
    (QEMU's GDB server takes a single client)."""
    wanted = f"0100007F:{port:04X}"
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        for row in Path("/proc/net/tcp").read_text().splitlines()[1:]:
            fields = row.split()
            if fields[1] == wanted and fields[3] == "0A":     # 0A: TCP_LISTEN
                return
        time.sleep(0.02)
    raise AssertionError(f"QEMU's GDB server never listened on port {port}")


def debug_session(arch, elf, tmp_path, commands):
    """Start QEMU halted with its GDB server, attach the arch's GDB through the
    generated script, run the commands; return GDB's finished process."""
    port = free_port()
    qemu = subprocess.Popen(command(arch, elf, gdb=port), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=die_with_parent)
    try:
        wait_listening(port)
        script = tmp_path / "gdbinit"
        gdb_script(arch, elf, script, port)
        argv = [profile(arch).gdb, "-batch", "-nx", "-x", str(script)]
        for line in commands:
            argv += ["-ex", line]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    finally:
        qemu.kill()
        qemu.wait()
    return result


def test_gdb_script_loads_symbols_and_stops_in_the_kernel(x86_64_kernel, tmp_path):
    result = debug_session("x86_64", x86_64_kernel, tmp_path, ["break idt_init", "continue", "backtrace"])
    backtrace = result.stdout
    assert "#0  idt_init () at" in backtrace, backtrace + result.stderr
    assert "in arch_init ()" in backtrace and "in kmain ()" in backtrace and "in pvh_start32 ()" in backtrace


@pytest.mark.parametrize("arch", ["aarch64", "riscv64", "cortex-m", "arm32", "avr"])
def test_every_arch_stops_at_kmain_under_its_gdb(kernel, arch, tmp_path):
    """The same script under the arch's GDB (gdb-multiarch, avr-gdb): the ELF names the architecture,
    the breakpoint lands in the C entry that boot/<arch>/entry.S calls."""
    result = debug_session(arch, kernel(arch), tmp_path, ["break kmain", "continue", "backtrace 1"])
    assert "#0  kmain () at" in result.stdout, result.stdout + result.stderr
