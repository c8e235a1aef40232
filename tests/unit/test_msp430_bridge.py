"""The msp430 bridge (qemu/mspdebug_sim.py) tells mspdebug's own words at a stop from
the guest's console, on each mspdebug it has met: no mspdebug runs here, a stand-in
feeds `run` the lines each version prints."""
from qemu import mspdebug_sim
from qemu.mspdebug_sim import Bridge

HOST_CALL, PARKED = 0x7500, 0x7520
DUMP = ["    ( PC: 07500)  ( R4: 00000)  ( R8: 00000)  (R12: 00005)",
        "    ( SP: 0a000)  ( R5: 00000)  ( R9: 00000)  (R13: 00001)",
        "    ( SR: 00000)  ( R6: 00000)  (R10: 00000)  (R14: 00002)",
        "    ( R3: 00000)  ( R7: 00000)  (R11: 00000)  (R15: 00003)",
        "msp430_host_call:",
        "    07500: 03 43                     NOP"]


class Stand_in:
    """mspdebug at its prompt, answering `run` with fixed lines."""
    errors = []

    def __init__(self, lines):
        self.lines = lines

    def send(self, command, quiet=False):
        assert command == "run"

    def read_until_prompt(self, on_line=None, other_fd=None, on_other=None):
        for text in self.lines:
            on_line(text)
        return self.lines


def run(lines, version):
    bridge = Bridge.__new__(Bridge)
    bridge.sim, bridge.quiet_run, bridge.input_closed, bridge.partial = Stand_in(lines), True, True, ""
    bridge.breakpoints = {HOST_CALL, PARKED}
    bridge.names_breakpoints = mspdebug_sim.names_breakpoints(version)
    shown = []
    bridge.out = shown.append
    regs = bridge.run()
    return regs, "".join(shown)


def test_mspdebug_0_25_names_the_breakpoint_before_its_dump_and_it_is_not_console_output():
    regs, shown = run(["run", "Running. Press Ctrl+C to interrupt...", "msp430> ticks",
                       "Breakpoint 0 triggered (0x7500)"] + DUMP, (0, 25, 0))
    assert shown == "msp430> ticks\n"
    assert (regs["PC"], regs["R12"], regs["R15"]) == (HOST_CALL, 5, 3)


def test_the_same_words_from_the_guest_stay_on_the_console():
    elsewhere = "Breakpoint 0 triggered (0x1234)"          # not an address the bridge set
    no_dump = "Breakpoint 1 triggered (0x7520)"             # the guest's line, more console lines after it
    regs, shown = run(["run", elsewhere, no_dump, "next line", "Breakpoint 0 triggered (0x7500)"] + DUMP, (0, 25, 0))
    assert shown == f"{elsewhere}\n{no_dump}\nnext line\n"
    assert regs["PC"] == HOST_CALL


def test_mspdebug_0_22_prints_no_such_line_so_one_there_is_the_guests():
    regs, shown = run(["run", "Running. Press Ctrl+C to interrupt...", "Breakpoint 0 triggered (0x7500)"] + DUMP,
                      (0, 22, 0))
    assert shown == "Breakpoint 0 triggered (0x7500)\n"
    assert regs["PC"] == HOST_CALL


def test_which_versions_name_the_breakpoint():
    assert not mspdebug_sim.names_breakpoints((0, 22, 0))
    assert not mspdebug_sim.names_breakpoints((0, 23, 0))
    assert mspdebug_sim.names_breakpoints((0, 24, 0))
    assert mspdebug_sim.names_breakpoints((0, 25, 0))
    assert mspdebug_sim.names_breakpoints(None)
