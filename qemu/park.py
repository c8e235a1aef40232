"""The exit status of a guest on a machine with no exit device (QEMU's AVR).

The guest prints its `exit status=N` line, puts N in a register and spins at
a known symbol (kernel/avr/park.S). Over QMP, with PyPI's `qemu.qmp` client,
this module stops the CPU, reads PC and that register from `info registers`,
and quits QEMU only when PC is the parking symbol. A guest that never gets
there (still running, hung elsewhere, reset back to 0) yields no status, and
QEMU's own exit code never stands for one (isr/arch_avr/machine.py exit_code).
"""
import re
import time

from qemu.qmp.legacy import QEMUMonitorProtocol

from tools.elf_symbols import Image

POLL = 0.02           # seconds between looks while the guest is not parked yet

# target/avr/cpu.c avr_cpu_dump_state: "PC:    00012a" (a byte address) and
# the register file as "R[24]:  05" entries.
PC_LINE = re.compile(r"^PC:\s+([0-9a-fA-F]+)", re.M)


def registers(qmp):
    """{"pc": int, "r0".."r31": int} from HMP `info registers`, with the CPU stopped."""
    text = qmp.cmd("human-monitor-command", **{"command-line": "info registers"})
    found = {"pc": int(PC_LINE.search(text)[1], 16)}
    found.update((f"r{int(n)}", int(v, 16)) for n, v in re.findall(r"\bR\[(\d\d)\]:\s+([0-9a-fA-F]{2})\b", text))
    return found


def parked_status(socket_path, elf, symbol, register, timeout):
    """The status in `register` once PC is at `symbol`, then QEMU is told to quit;
    None if the guest is not parked there within timeout seconds (QEMU keeps running)."""
    address = Image(elf).symbols[symbol].address
    qmp = QEMUMonitorProtocol(str(socket_path))
    try:
        qmp.connect()
    except OSError:              # QEMU is gone (or never served QMP): nothing parked
        return None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                qmp.cmd("stop")
                state = registers(qmp)
            except (EOFError, OSError):      # QEMU quit under us: it was not parked
                return None
            if state["pc"] == address:
                qmp.cmd("quit")
                return state[register]
            qmp.cmd("cont")
            if time.monotonic() > deadline:
                return None
            time.sleep(POLL)
    finally:
        try:
            qmp.close()
        except EOFError:         # after `quit`, QEMU has closed the socket first
            pass
