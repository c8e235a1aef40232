"""GDB's `bt` from a C handler crosses the interrupt into the interrupted code, on every arch.

The generated entries carry unwind information (CFI in .debug_frame). The
vector raised is one the spec leaves to the default handler, found in the
manifest, so the path is always generated: entry, isr_default_handler.
"""
import re
import subprocess

import pexpect
import pytest

from isr.load import arch_model
from qemu.launcher import command, die_with_parent, free_port, gdb_script
from qemu.profiles import profile
from tools import toolchain

from tests.facts import slots


def default_vector(arch):
    """A vector `int` raises that the spec leaves to the default handler."""
    model = arch_model(arch)
    raisable = {"x86_64": lambda v: model.vector_name(v) == "SW",
                "riscv64": lambda v: v in (17, 19, 21, 25),
                "aarch64": lambda v: model.IRQ_BASE <= v < model.IRQ_BASE + 16,
                "cortex-m": lambda v: v == 14 or v >= model.IRQ_BASE}[arch]
    return next(s["vector"] for s in slots(arch) if s["style"] == "default" and raisable(s["vector"]))


@pytest.mark.parametrize("arch", list(toolchain.TARGETS))
def test_backtrace_from_the_default_handler_reaches_the_shell(kernel, arch, tmp_path):
    elf = kernel(arch)
    port = free_port()
    argv = command(arch, elf, gdb=port)
    qemu = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", timeout=30, preexec_fn=die_with_parent)
    try:
        script = tmp_path / "gdbinit"
        gdb_script(arch, elf, script, port)
        assert "set pagination off" in script.read_text()
        gdb = subprocess.Popen([profile(arch).gdb, "-batch", "-nx", "-x", str(script), "-ex", "break isr_default_handler",
                                "-ex", "continue", "-ex", "bt"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, preexec_fn=die_with_parent)
        qemu.expect_exact(profile(arch).prompt)      # GDB attached and let the kernel run
        qemu.send(f"int {default_vector(arch)}\r")
        output, _ = gdb.communicate(timeout=60)
    finally:
        qemu.terminate(force=True)
    frames = re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\S+) ", output, re.M)
    assert frames and frames[0] == "isr_default_handler", output
    # Past the generated entry, the frames are the interrupted code's: the shell's `int`.
    assert "arch_cmd_int" in frames and "shell_run" in frames, output
    assert frames.index("shell_run") > frames.index("arch_cmd_int"), output
