"""GDB's `bt` from a C handler crosses the interrupt into the interrupted code, on every arch.

The generated entries carry unwind information (CFI in .debug_frame). The
vector raised is one the spec leaves to the default handler, found in the
manifest, so the path is always generated: entry, isr_default_handler. On
arm32 no default VBAR word can be raised by software and its GIC interrupts
arrive through the compiler's IRQ and FIQ entries, so there the stub is the
first VBAR vector the manifest gives a `stub`, raised by the `trap` whose
listing names it.
"""
import re
import subprocess

import pexpect
import pytest

from isr.load import arch_model
from qemu.launcher import command, die_with_parent, free_port, gdb_script
from qemu.profiles import profile
from tools import toolchain
from tools.elf_symbols import Image

from tests.conftest import fail_if_it_did_not_boot
from tests.facts import free_software_vectors, slots
from tests.qemu.variants import leaving_one_out


def default_vector_kernel(arch, elf, tmp_path):
    """(kernel, vector): a vector only `int` raises (the arch's testing.py
    RAISED_ONLY_BY_INT) that the kernel's spec leaves to the default handler.
    Where the spec binds every one (the student guide's riscv64 handler takes
    STI, the last one free there), a variant leaves out one bound vector that
    nothing requires."""
    unbound = free_software_vectors(arch)
    if unbound:
        return elf, unbound[0]
    return leaving_one_out(arch, arch_model(arch).testing.RAISED_ONLY_BY_INT, tmp_path / "variant")


def gdb_backtrace(arch, elf, tmp_path, breakpoint, raise_it):
    """Boot halted, let GDB break at breakpoint, call raise_it(qemu) once the
    shell prompts; return GDB's output."""
    fail_if_it_did_not_boot(arch, elf)         # a kernel that did not boot would keep GDB waiting 60 s
    port = free_port()
    argv = command(arch, elf, gdb=port)
    qemu = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", timeout=30, preexec_fn=die_with_parent)
    try:
        script = tmp_path / "gdbinit"
        gdb_script(arch, elf, script, port)
        assert "set pagination off" in script.read_text()
        gdb = subprocess.Popen([profile(arch).gdb, "-batch", "-nx", "-x", str(script), "-ex", f"break {breakpoint}",
                                "-ex", "continue", "-ex", "bt"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, preexec_fn=die_with_parent)
        qemu.expect_exact(profile(arch).prompt)      # GDB attached and let the kernel run
        raise_it(qemu)
        output, _ = gdb.communicate(timeout=60)
    finally:
        qemu.terminate(force=True)
    return output, re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\S+) ", output, re.M)


def test_arm32_backtrace_from_a_stub_reaches_the_interrupted_function(kernel, tmp_path):
    elf = kernel("arm32")
    model = arch_model("arm32")
    stub = next(s for s in slots("arm32") if s["vector"] < model.VBAR_ENTRIES and s["style"] == "stub")

    def raise_it(qemu):
        qemu.send("trap\r")
        qemu.expect_exact(profile("arm32").prompt)
        names = re.findall(rf"^  (\S+) +{stub['name']}:", qemu.before.replace("\r", ""), re.M)
        assert names, f"no trap raises {stub['name']}"
        qemu.send(f"trap {names[-1]}\r")

    output, frames = gdb_backtrace("arm32", elf, tmp_path, stub["handler"], raise_it)
    assert frames[:2] == [stub["handler"], stub["entry"]], output
    assert frames[2] not in ("??", stub["entry"]) and frames[2] in Image(elf).symbols, output


# avr: its generated entries carry no CFI yet; msp430: no GDB (docs/reference/debugging.md).
@pytest.mark.parametrize("arch", [a for a in toolchain.TARGETS if a not in ("arm32", "avr", "msp430")])
def test_backtrace_from_the_default_handler_reaches_the_shell(kernel, arch, tmp_path):
    elf, vector = default_vector_kernel(arch, kernel(arch), tmp_path)
    output, frames = gdb_backtrace(arch, elf, tmp_path, "isr_default_handler",
                                   lambda qemu: qemu.send(f"int {vector}\r"))
    assert frames and frames[0] == "isr_default_handler", output
    # Past the generated entry, the frames are the interrupted code's: the shell's `int`.
    assert "arch_cmd_int" in frames and "shell_run" in frames, output
    assert frames.index("shell_run") > frames.index("arch_cmd_int"), output
