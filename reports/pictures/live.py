"""The frame's live values (`explain --run`): the words a real interrupt left on
the stack, read by the arch's GDB through QEMU's GDB server.

The kernel boots with a GDB server; GDB attaches, breaks at the instruction after
the last store that builds the frame (the stub's, or the abi/naked entry's
prologue: read from the disassembly, as frame.py reads the layout), continues,
and the vector is raised the way explain's run raised it. At the breakpoint
GDB dumps the frame's bytes from the stack pointer (plus the arch's SP_BIAS:
the AVR's SP points below its last push) and detaches, so the kernel goes on
and prints its report line. A stub's shared code serves many vectors: the
breakpoint then holds only when the frame's vector word is this vector.
"""
import os
import re
import select
import subprocess
import time

from qemu.console import Console
from qemu.launcher import die_with_parent, free_port, gdb_script
from qemu.profiles import profile
from reports import handler_cost
from reports.pictures import arch_facts
from reports.pictures.stores import LEAVES, is_frame_store
from tools import guard_checks, naked_checks, toolchain
from tools.elf_symbols import Image

GDB_WAIT = 30           # seconds for GDB to attach and continue, and to report the breakpoint


class LiveError(Exception):
    """No live values: the message says why."""


def stop_address(arch, elf, slot):
    """The address after the last stack store that builds the frame of slot (a CPU-entered one)."""
    image = Image(elf)
    walked = dict(slot, style="stub") if slot["style"] == "default" else slot
    listed = {}

    def listing(name):
        if name not in listed:
            listed.update(guard_checks.listings(arch, elf, image, [name]))
        return listed.get(name, [])

    path = handler_cost.entry_path(lambda n: handler_cost.disassemble(arch, elf, n), image, walked)
    path = [n for n in path if n != slot["handler"] or slot["style"] in ("abi", "naked")]
    last = None
    for name in path:
        instructions = naked_checks.instructions(listing(name))
        for (address, text), following in zip(instructions, instructions[1:] + [(None, "")]):
            if LEAVES.match(text):
                break
            if is_frame_store(arch, text):
                last = following[0]
    if last is None:
        raise LiveError(f"no store builds the frame in {' -> '.join(path)}: nothing to read")
    return last


def _dump(lines):
    """The bytes of GDB's `x/Nxb` lines."""
    found = []
    for line in lines:
        if ":" in line and line.lstrip().startswith("0x"):
            found += [int(b, 16) for b in re.findall(r"\b0x([0-9a-f]{2})\b", line.split(":", 1)[1])]
    return found


def values(arch, frame, slot, commands, run_dir):
    """{row offset: value text} of the frame, read at a real interrupt raised by commands."""
    prof = profile(arch)
    if prof.launcher != "qemu":
        raise LiveError(f"{arch} runs under {prof.emulator}: its frame is not read through GDB")
    elf = toolchain.kernel_elf(arch)
    address = stop_address(arch, elf, slot)
    size = max((r.offset + r.size for r in frame.rows), default=0)
    bias = arch_facts.sp_bias(arch)
    vector_row = next((r for r in frame.rows if r.name == "vector"), None)
    # A frame with a vector word (a stub's) may be built by code every stub shares: stop only for ours.
    condition = f" if *(unsigned char *)($sp + {bias + vector_row.offset}) == {slot['vector']}" \
        if vector_row is not None else ""
    port = free_port()
    script = run_dir / "frame.gdbinit"
    run_dir.mkdir(parents=True, exist_ok=True)
    gdb_script(arch, elf, script, port)
    gdb_commands = [f"break *{address:#x}{condition}", "echo ATTACHED\\n", "continue", "echo FRAME\\n",
                    f"x/{size}xb $sp + {bias}", "echo END\\n", "detach", "quit"]
    argv = [prof.gdb, "-batch", "-nx", "-x", str(script)] + [a for c in gdb_commands for a in ("-ex", c)]
    with Console(arch, elf, run_dir, "explain-frame", extra=["-gdb", f"tcp:127.0.0.1:{port}"]) as console:
        console.boot()
        gdb = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               preexec_fn=die_with_parent)
        try:
            seen = _until(gdb, "ATTACHED")       # batch GDB prints no "Continuing."
            for command in commands:
                console.run(command)
            out = gdb.communicate(timeout=GDB_WAIT)[0].decode(errors="replace")
        finally:
            if gdb.poll() is None:
                gdb.kill()
                gdb.wait()
    text = seen + out
    if "FRAME" not in text or "END" not in text:
        raise LiveError(f"GDB did not stop at 0x{address:x} (`{'; '.join(commands)}`):\n{text[-1200:]}")
    dumped = _dump(text.split("FRAME", 1)[1].split("END", 1)[0].splitlines())
    if len(dumped) != size:
        raise LiveError(f"GDB showed {len(dumped)} bytes of the {size}-byte frame:\n{text[-1200:]}")
    return {r.offset: f"0x{int.from_bytes(bytes(dumped[r.offset:r.offset + r.size]), 'little'):x}"
            for r in frame.rows if r.part != "other"}


def _until(gdb, word):
    """GDB's output up to the line holding word, within GDB_WAIT seconds."""
    deadline, text = time.monotonic() + GDB_WAIT, ""
    while word not in text:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([gdb.stdout], [], [], left)[0]:
            raise LiveError(f"GDB did not attach and continue within {GDB_WAIT}s:\n{text[-1200:]}")
        chunk = os.read(gdb.stdout.fileno(), 4096)       # not readline: select sees the pipe, not the buffer
        if not chunk:
            raise LiveError(f"GDB ended before it continued:\n{text[-1200:]}")
        text += chunk.decode(errors="replace")
    return text
