"""`doit debug-x86_64`'s pieces: QEMU halted with a GDB server, and the GDB script that attaches."""
import socket
import subprocess
import time
from pathlib import Path

from qemu.launcher import command, die_with_parent, gdb_script


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


def test_gdb_script_loads_symbols_and_stops_in_the_kernel(x86_64_kernel, tmp_path):
    port = free_port()
    argv = command("x86_64", x86_64_kernel, gdb=port)
    qemu = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, preexec_fn=die_with_parent)
    try:
        wait_listening(port)
        script = tmp_path / "gdbinit"
        gdb_script("x86_64", x86_64_kernel, script, port)
        result = subprocess.run(["gdb", "-batch", "-nx", "-x", str(script), "-ex", "break idt_init",
                                 "-ex", "continue", "-ex", "backtrace"],
                                capture_output=True, text=True, timeout=60)
    finally:
        qemu.kill()
        qemu.wait()
    backtrace = result.stdout
    assert "#0  idt_init () at" in backtrace, backtrace + result.stderr
    assert "in arch_init ()" in backtrace and "in kmain ()" in backtrace and "in pvh_start32 ()" in backtrace
