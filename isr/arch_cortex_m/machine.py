"""cortex-m under QEMU: the machine, the console, the log, and how the
guest's exit status leaves the emulator (qemu/profiles.py makes a Profile of
it: the field names and what each means are there)."""
import re

from isr.arch_common import no_shutdown_event as exit_event  # noqa: F401 (the exit device only calls exit())


PROFILE = dict(
    binary="qemu-system-arm",
    # mps2-an385: Cortex-M3, NVIC with 32 IRQs, CMSDK UART0 as the first
    # serial port; the RAM size is fixed by the board (16 MiB PSRAM).
    # Semihosting carries the guest's exit status (bkpt 0xab).
    machine=["-M", "mps2-an385", "-semihosting-config", "enable=on,target=native"],
    prompt="cortex-m> ",
    gdb="gdb-multiarch",
    regs_pc=r"R15=([0-9a-f]+)",                # target/arm names the M-profile PC R15
    # An exception return loads EXC_RETURN (0xFFFFFFxx) into the PC; QEMU
    # shows it there until the next instruction unstacks the frame.
    magic_pcs=((0xFFFFFF00, "EXC_RETURN: the CPU is returning from an exception"),),
    log_events=r"(Taking exception|\.\.\.taking pending|\.\.\.tailchaining|Exception return|CPU Reset|Lockup)",
    log_source=r"^\.\.\.(?:taking pending|tailchaining)\D*(exception \d+)",    # the NVIC exception number
)


def exit_code(status):
    # SYS_EXIT with ADP_Stopped_ApplicationExit: QEMU exits with the guest's
    # status itself, so `exit 1` gives QEMU's error code.
    return status & 0xff


def log_pattern(slot):
    return rf"taking pending (?:non)?secure exception {slot['vector']}$"


# target/arm M-profile: an exception, with the vector fetch before it and what
# it led to after it, e.g. a fetch that lands on an ARM-state address:
#   ...loading from element 6 of non-secure vector table at 0x18
#   ...loaded new PC 0x520
#   Taking exception 18 [v7M INVSTATE UsageFault] on CPU 0
#   ...taking pending nonsecure exception 3
LOG_FETCH = re.compile(r"^\.\.\.loading from element (?P<element>\d+) of \S+ vector table at 0x(?P<at>[0-9a-f]+)$")
LOG_LOADED = re.compile(r"^\.\.\.loaded new PC 0x(?P<pc>[0-9a-f]+)$")
LOG_TAKEN = re.compile(r"^Taking exception (?P<number>\d+) \[(?P<name>[^\]]+)\]")
LOG_PENDING = re.compile(r"^\.\.\.taking pending \S+ exception (?P<taken>\d+)$")


def log_entries(text):
    found, fetch = [], {"element": None, "at": None, "pc": None}
    for line in text.splitlines():
        if m := LOG_FETCH.match(line):
            fetch = {"element": int(m["element"]), "at": int(m["at"], 16), "pc": None}
        elif m := LOG_LOADED.match(line):
            fetch["pc"] = int(m["pc"], 16)
        elif m := LOG_TAKEN.match(line):
            found.append({"number": int(m["number"]), "name": m["name"], **fetch, "taken": None})
            fetch = {"element": None, "at": None, "pc": None}
        elif (m := LOG_PENDING.match(line)) and found and found[-1]["taken"] is None:
            found[-1]["taken"] = int(m["taken"])
    return found
